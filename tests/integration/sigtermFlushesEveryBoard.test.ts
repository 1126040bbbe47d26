import { expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { createBoard, join } from '../support/api.ts'
import { serverProcessPerTest } from '../support/serverProcessPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const run = serverProcessPerTest('sigterm')
const clients = run.clients

it('SIGTERM with 50 boards holding fresh edits: all flushed to disk, exit within 5 s', async () => {
  // A long flush interval makes sure the edits are still only in memory at SIGTERM.
  let server = await run.start({ LOG_FLUSH_INTERVAL_MS: '5000' })
  const boards = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const board = await createBoard(server.url, `Board ${i}`)
      const person = await join(server.url, board.id, `P${i}`, board.tokens.participant)
      return { board, person }
    }),
  )
  const edits = await Promise.all(
    boards.map(async ({ board, person }) => {
      const writer = connectClient(server.wsUrl, board.id, person.token)
      const reader = connectClient(server.wsUrl, board.id, person.token)
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

  server = await run.start()
  for (const { boardId, token, cardId } of edits) {
    const fresh = connectClient(server.wsUrl, boardId, token)
    clients.push(fresh)
    await waitForSync(fresh)
    expect(getCards(fresh.doc).has(cardId)).toBe(true)
  }
}, 60_000)
