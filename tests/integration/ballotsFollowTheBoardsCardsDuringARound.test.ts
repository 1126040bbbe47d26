import { expect, it } from 'vitest'
import { createCard, deleteCard, getCards } from '../../shared/boardDoc.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

// A short unload delay, so the board can be seen both loaded and unloaded within the test.
const perTest = serverPerTest({ ROOM_UNLOAD_DELAY_MS: 50 })

it('a card created during an open round can be voted for at once; a deleted one is refused', async () => {
  const { server } = perTest
  const { board, facilitator, participants } = await boardWithPeople(server, 1)
  const writer = connectClient(server.wsUrl, board.id, facilitator.token)
  perTest.clients.push(writer)
  await waitForSync(writer)
  const first = createCard(writer.doc, { kind: 'objective', title: 'First' })
  const opened = await request(
    server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 3 },
    facilitator.token,
  )
  expect(opened.status).toBe(201)
  const roundPath = `/api/boards/${board.id}/rounds/${opened.json.round.id}`
  const put = (allocations: Record<string, number>) =>
    request(server.url, 'PUT', `${roundPath}/ballot`, { allocations }, participants[0].token)
  const serverHas = (cardId: string) => {
    const room = server.context.rooms.loaded(board.id, 'board')
    return room !== undefined && getCards(room.doc).has(cardId)
  }

  const late = createCard(writer.doc, { kind: 'objective', title: 'Added mid-round' })
  await eventually(() => serverHas(late), 5000, 'the new card on the server')
  expect((await put({ [late]: 1 })).status).toBe(200)

  deleteCard(writer.doc, first)
  await eventually(() => !serverHas(first), 5000, 'the deletion on the server')
  expect((await put({ [first]: 1 })).status).toBe(422)

  // With nobody on the board it unloads; a ballot then reads the cards from disk.
  writer.destroy()
  await eventually(() => !server.context.rooms.loaded(board.id, 'board'), 5000, 'board unloaded')
  expect((await put({ [first]: 1 })).status).toBe(422)
  expect((await put({ [late]: 2 })).status).toBe(200)

  const seen = await request(server.url, 'GET', roundPath, undefined, participants[0].token)
  expect(seen.json.tally).toEqual({ [late]: 2 })
})
