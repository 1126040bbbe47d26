import { joinBoard } from '../api.ts'
import type { Role, Session } from '../board/BoardContext.tsx'
import { colorForParticipant } from '../board/userColor.ts'
import { rememberName, saveRoleTokens, saveSession } from './sessionStore.ts'

/**
 * Exchange a role token for a personal one and remember the result: the Session for this
 * board, the display name for next time, and the role token itself (so a facilitator who
 * joined from a link can share that link again).
 */
export async function joinAsParticipant(
  boardId: string,
  name: string,
  roleToken: string,
): Promise<Session> {
  const joined = await joinBoard(boardId, { name, token: roleToken })
  const session: Session = {
    boardId,
    participantId: joined.participantId,
    name: joined.name,
    role: joined.role,
    token: joined.token,
    color: colorForParticipant(joined.participantId),
  }
  saveSession(session)
  rememberName(joined.name)
  saveRoleTokens(boardId, { [joined.role]: roleToken } as Partial<Record<Role, string>>)
  return session
}
