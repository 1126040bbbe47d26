import { createBoard, join, type CreatedBoard, type Joined } from './api.ts'
import type { TestServer } from './testServer.ts'

export interface BoardWithPeople {
  board: CreatedBoard
  facilitator: Joined
  participants: Joined[]
  viewer: Joined
}

/** A board with a facilitator, `n` participants and a viewer, all joined. */
export async function boardWithPeople(
  server: TestServer,
  n = 2,
  title = 'Workshop',
): Promise<BoardWithPeople> {
  const board = await createBoard(server.url, title)
  const facilitator = await join(server.url, board.id, 'Facilitator', board.tokens.facilitator)
  const participants: Joined[] = []
  for (let i = 0; i < n; i++) {
    participants.push(await join(server.url, board.id, `Person ${i + 1}`, board.tokens.participant))
  }
  const viewer = await join(server.url, board.id, 'Viewer', board.tokens.viewer)
  return { board, facilitator, participants, viewer }
}
