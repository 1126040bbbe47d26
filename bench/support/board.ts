import { createBoard, join, type CreatedBoard } from '../../tests/support/api.ts'
import type { ServerProcess } from '../../tests/support/serverProcess.ts'
import { waitForSync, type YClient } from '../../tests/support/yClient.ts'
import type { ScenarioContext } from './scenario.ts'

export interface BoardWithClients {
  board: CreatedBoard
  clients: YClient[]
}

/**
 * A new board and `count` participants, each joined over HTTP and connected to the board
 * room with the stock y-websocket provider, all synced before this resolves.
 */
export async function boardWithClients(
  ctx: ScenarioContext,
  server: ServerProcess,
  count: number,
  title: string,
): Promise<BoardWithClients> {
  const board = await createBoard(server.url, title)
  const clients: YClient[] = []
  for (let i = 0; i < count; i++) {
    const person = await join(server.url, board.id, `Bench ${i + 1}`, board.tokens.participant)
    clients.push(ctx.client(server.wsUrl, board.id, person.token))
  }
  await Promise.all(clients.map((client) => waitForSync(client, 15_000)))
  return { board, clients }
}

/** Two documents hold the same content when their state vectors are byte-equal. */
export function sameState(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
