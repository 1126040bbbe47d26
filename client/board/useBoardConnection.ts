import { openBoardConnection, type BoardConnection } from './boardConnection.ts'
import { createResourceCache, useResource } from './sharedResource.ts'

const connections = createResourceCache<string, BoardConnection>(
  (key) => {
    const [boardId, token] = JSON.parse(key) as [string, string]
    return openBoardConnection(boardId, token)
  },
  (connection) => connection.destroy(),
)

/**
 * The board's documents and sockets, open for as long as a board page for this board and
 * token is mounted; null during the very first render.
 */
export function useBoardConnection(boardId: string, token: string): BoardConnection | null {
  return useResource(connections, JSON.stringify([boardId, token]))
}
