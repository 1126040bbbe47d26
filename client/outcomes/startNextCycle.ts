import { joinAsParticipant } from '../join/joinAsParticipant.ts'
import { saveRoleTokens } from '../join/sessionStore.ts'
import { createNextCycleBoard } from './outcomesApi.ts'

/**
 * Start the next cycle from an outcome version: the server creates a new board seeded
 * with its OKRs and open actions; this browser keeps the new board's role tokens and
 * joins it as facilitator (as the landing page does for a board created there), then
 * opens it. Returns the new board's id.
 */
export async function startNextCycle(input: {
  boardId: string
  token: string
  version: number
  facilitatorName: string
  title?: string
}): Promise<string> {
  const created = await createNextCycleBoard(input.boardId, input.token, input.version, input.title)
  saveRoleTokens(created.id, created.tokens, created.links)
  await joinAsParticipant(created.id, input.facilitatorName, created.tokens.facilitator)
  openBoardPage(created.id)
  return created.id
}

/**
 * Client-side navigation to `/b/<id>`: App listens to popstate, so the board page
 * unmounts cleanly (flushing its last canvas writes) and the new one mounts.
 */
function openBoardPage(boardId: string): void {
  window.history.pushState(null, '', `/b/${encodeURIComponent(boardId)}`)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
