import type { Role, Session } from '../board/BoardContext.tsx'
import { buildJoinLink } from './joinLink.ts'
import { readJson, removeKey, writeJson } from './localStore.ts'

/**
 * What this browser remembers per board: the Session it joined with (so a returning visitor
 * skips the join form) and the role tokens it knows (so the facilitator can share links).
 */
const sessionKey = (boardId: string) => `catchball:session:${boardId}`
const roleTokensKey = (boardId: string) => `catchball:role-tokens:${boardId}`
const NAME_KEY = 'catchball:name'

const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

function isSession(value: unknown, boardId: string): value is Session {
  const session = value as Partial<Session> | null
  return (
    !!session &&
    session.boardId === boardId &&
    typeof session.participantId === 'string' &&
    typeof session.name === 'string' &&
    typeof session.token === 'string' &&
    typeof session.color === 'string' &&
    ROLES.includes(session.role as Role)
  )
}

export function loadSession(boardId: string): Session | null {
  const value = readJson<unknown>(sessionKey(boardId))
  return isSession(value, boardId) ? value : null
}

export function saveSession(session: Session): void {
  writeJson(sessionKey(session.boardId), session)
}

export function forgetSession(boardId: string): void {
  removeKey(sessionKey(boardId))
}

export type KnownRoleTokens = Partial<Record<Role, string>>

interface StoredRoleTokens {
  tokens: KnownRoleTokens
  /** Links as the server made them (absolute with PUBLIC_URL), when we were given them. */
  links: KnownRoleTokens
}

function loadStoredRoleTokens(boardId: string): StoredRoleTokens {
  const stored = readJson<Partial<StoredRoleTokens>>(roleTokensKey(boardId))
  return { tokens: stored?.tokens ?? {}, links: stored?.links ?? {} }
}

/** Merge: a browser may learn the facilitator token at creation and others later. */
export function saveRoleTokens(
  boardId: string,
  tokens: KnownRoleTokens,
  links: KnownRoleTokens = {},
): void {
  const stored = loadStoredRoleTokens(boardId)
  writeJson(roleTokensKey(boardId), {
    tokens: { ...stored.tokens, ...tokens },
    links: { ...stored.links, ...links },
  })
}

/** The share link of each role this browser knows a token for. */
export function loadShareLinks(boardId: string): KnownRoleTokens {
  const { tokens, links } = loadStoredRoleTokens(boardId)
  const result: KnownRoleTokens = {}
  for (const role of ROLES) {
    const token = tokens[role]
    if (token) result[role] = links[role] ?? buildJoinLink(boardId, token)
  }
  return result
}

export function isKnownRoleToken(boardId: string, token: string): boolean {
  return Object.values(loadStoredRoleTokens(boardId).tokens).includes(token)
}

export function loadRememberedName(): string {
  return readJson<string>(NAME_KEY) ?? ''
}

export function rememberName(name: string): void {
  writeJson(NAME_KEY, name)
}
