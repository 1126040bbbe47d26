import type * as Y from 'yjs'
import { initBoardMeta } from '../../shared/boardDoc.ts'
import { initControlDoc } from '../../shared/controlDoc.ts'
import { randomId } from '../../shared/ids.ts'
import { roles, type Role } from '../../shared/roles.ts'
import { agendaTemplates, type BoardTemplateId } from '../../shared/templates.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import type { AppContext } from '../appContext.ts'
import { tooMany } from '../errors.ts'

export interface CreatedBoard {
  id: string
  title: string
  createdAt: string
  template: BoardTemplateId
  tokens: Record<Role, string>
  links: Record<Role, string>
}

/**
 * Create a board: its three role tokens (returned once, stored hashed), its board document
 * (meta, plus anything `seed` writes, e.g. the OKRs of a previous cycle) and its control
 * document (agenda from the template).
 */
export async function createBoard(
  ctx: AppContext,
  title: string,
  template: BoardTemplateId,
  seed?: (doc: Y.Doc) => void,
): Promise<CreatedBoard> {
  const { db, rooms, config } = ctx
  if (Object.keys(db.data.boards).length >= config.MAX_BOARDS) {
    throw tooMany('this server holds the maximum number of boards')
  }
  const id = randomId()
  const tokens = Object.fromEntries(roles.map((role) => [role, newToken()])) as Record<Role, string>
  const createdAt = new Date().toISOString()
  await rooms.change(id, 'board', (room) =>
    room.transactAsServer((doc) => {
      initBoardMeta(doc, title, template)
      seed?.(doc)
    }),
  )
  await rooms.change(id, 'control', (room) =>
    room.transactAsServer((doc) => initControlDoc(doc, agendaTemplates[template].agenda)),
  )
  await db.addBoard({
    id,
    title,
    template,
    createdAt,
    roleTokenHashes: Object.fromEntries(
      roles.map((role) => [role, hashToken(tokens[role])]),
    ) as Record<Role, string>,
    finalizedVersion: null,
  })
  const base = `${config.PUBLIC_URL.replace(/\/$/, '')}/b/${id}#join=`
  const links = Object.fromEntries(roles.map((role) => [role, base + tokens[role]])) as Record<
    Role,
    string
  >
  return { id, title, createdAt, template, tokens, links }
}
