import type { Role } from '../../shared/roles.ts'
import type { BoardRecord, Database, ParticipantRecord } from '../storage/database.ts'
import { hashToken, hashesMatch } from './tokens.ts'

export interface Access {
  role: Role
  /** Set when the token is a personal token (joined participant). */
  participant: ParticipantRecord | null
}

/** The role a role token (share link secret) grants on this board, or null. */
export function roleOfRoleToken(board: BoardRecord, token: string): Role | null {
  const presented = hashToken(token)
  for (const [role, hash] of Object.entries(board.roleTokenHashes) as [Role, string][]) {
    if (hashesMatch(presented, hash)) return role
  }
  return null
}

/** A personal token's participant on this board, or null (wrong board counts as invalid). */
export function participantOfToken(
  db: Database,
  boardId: string,
  token: string,
): ParticipantRecord | null {
  const presented = hashToken(token)
  const participant = db.participantByHash(presented)
  if (!participant || participant.boardId !== boardId) return null
  return hashesMatch(presented, participant.tokenHash) ? participant : null
}

/** Either kind of token (GET board accepts both). */
export function accessOf(db: Database, board: BoardRecord, token: string): Access | null {
  const participant = participantOfToken(db, board.id, token)
  if (participant) return { role: participant.role, participant }
  const role = roleOfRoleToken(board, token)
  return role ? { role, participant: null } : null
}
