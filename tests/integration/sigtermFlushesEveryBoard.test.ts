import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { createBoard, join } from '../support/api.ts'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

let server: ServerProcess | null = null
let dataDir = ''
const clients: YClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await server?.kill9()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

it('SIGTERM with 50 boards holding fresh edits: all flushed to disk, exit within 5 s', async () => {
  dataDir = await mkdtemp(joinPath(tmpdir(), 'catchball-sigterm-'))
  // A long flush interval makes sure the edits are still only in memory at SIGTERM.
  server = await startServerProcess(dataDir, { LOG_FLUSH_INTERVAL_MS: '5000' })
  const boards = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const board = await createBoard(server!.url, `Board ${i}`)
      const person = await join(server!.url, board.id, `P${i}`, board.tokens.participant)
      return { board, person }
    }),
  )
  const edits = await Promise.all(
    boards.map(async ({ board, person }) => {
      const writer = connectClient(server!.wsUrl, board.id, person.token)
      const reader = connectClient(server!.wsUrl, board.id, person.token)
      clients.push(writer, reader)
      await Promise.all([waitForSync(writer), waitForSync(reader)])
      const cardId = createCard(writer.doc, { kind: 'objective', title: `Fresh on ${board.id}` })
      // Seen by another client: the server holds it (in memory, not yet flushed).
      await eventually(() => getCards(reader.doc).has(cardId))
      return { boardId: board.id, token: person.token, cardId }
    }),
  )
  clients.splice(0).forEach((c) => c.destroy())

  const { code, ms } = await server.terminate()
  expect(code).toBe(0)
  // The budget: exit within 5 s even with 50 boards to flush.
  expect(ms).toBeLessThan(5000)

  server = await startServerProcess(dataDir)
  for (const { boardId, token, cardId } of edits) {
    const fresh = connectClient(server.wsUrl, boardId, token)
    clients.push(fresh)
    await waitForSync(fresh)
    expect(getCards(fresh.doc).has(cardId)).toBe(true)
  }
}, 60_000)
