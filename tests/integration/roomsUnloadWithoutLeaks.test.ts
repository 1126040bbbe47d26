import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { createBoard, join, type Joined } from '../support/api.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

let server: TestServer
beforeAll(async () => {
  server = await newServer({ ROOM_UNLOAD_DELAY_MS: 0 })
})
afterAll(() => server.destroy())

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
const settledHeap = async () => {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return process.memoryUsage().heapUsed
}

it('1,000 open / edit / close cycles over 100 boards leave no room, no timer, no heap growth', async () => {
  const boards: { id: string; person: Joined }[] = []
  for (let i = 0; i < 100; i++) {
    const board = await createBoard(server.url, `Board ${i}`)
    boards.push({
      id: board.id,
      person: await join(server.url, board.id, 'P', board.tokens.participant),
    })
  }
  const cycle = async (i: number) => {
    const { id, person } = boards[i % boards.length]
    const client = connectClient(server.wsUrl, id, person.token)
    await waitForSync(client)
    const cardId = createCard(client.doc, { kind: 'objective', title: `cycle ${i}` })
    await eventually(
      () =>
        getCards(server.context.rooms.loaded(id, 'board')?.doc ?? client.doc).has(cardId) &&
        !!server.context.rooms.loaded(id, 'board'),
    )
    client.destroy()
  }
  // Warm up (module caches, JIT), then measure a baseline.
  for (let i = 0; i < 100; i++) await cycle(i)
  await eventually(() => server.context.rooms.loadedRoomCount === 0, 10_000, 'rooms to unload')
  const baselineHeap = await settledHeap()
  const baselineTimers = timers()

  for (let i = 0; i < 1000; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, k) => cycle(i + k)))
  }
  await eventually(() => server.context.rooms.loadedRoomCount === 0, 10_000, 'rooms to unload')
  expect(server.context.rooms.pendingTimerCount).toBe(0)
  // Closing handshakes of the last sockets finish within a moment; then no timer is left.
  await eventually(() => timers() <= baselineTimers, 5000, 'timers back to the baseline')
  const heap = await settledHeap()
  // Within 10% of the baseline after GC: nothing per board or per cycle is retained.
  expect(heap).toBeLessThan(baselineHeap * 1.1)
}, 120_000)
