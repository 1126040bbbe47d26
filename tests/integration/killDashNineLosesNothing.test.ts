import { expect, it } from 'vitest'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { createBoard, join } from '../support/api.ts'
import { serverProcessPerTest } from '../support/serverProcessPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const run = serverProcessPerTest('kill9')
const clients = run.clients

it('after kill -9 and a restart on the same data, every board and every edit is there', async () => {
  let server = await run.start()
  const board = await createBoard(server.url, 'Survives crashes')
  const person = await join(server.url, board.id, 'Ana', board.tokens.participant)
  const writer = connectClient(server.wsUrl, board.id, person.token)
  clients.push(writer)
  await waitForSync(writer)

  const ids: string[] = []
  for (let i = 0; i < 50; i++)
    ids.push(createCard(writer.doc, { kind: 'objective', title: `Objective ${i}` }))
  setCardText(writer.doc, ids[0], 'title', 'Objective 0 (edited)')
  // Appends reach the log within 100 ms of arrival; give the frames time to arrive first.
  await new Promise((resolve) => setTimeout(resolve, 400))
  await server.kill9()
  writer.destroy()
  clients.length = 0

  server = await run.start()
  const fresh = connectClient(server.wsUrl, board.id, person.token)
  clients.push(fresh)
  await waitForSync(fresh)
  await eventually(() => getCards(fresh.doc).size === 50, 5000, 'all 50 cards after restart')
  expect(readCard(ids[0], getCards(fresh.doc).get(ids[0])!).title).toBe('Objective 0 (edited)')
  expect(fresh.doc.getMap('meta').get('title')).toBe('Survives crashes')
})

it('a client that kept editing while the server was down gets its edits onto the restarted server', async () => {
  let server = await run.start()
  const board = await createBoard(server.url)
  const person = await join(server.url, board.id, 'Ana', board.tokens.participant)
  const writer = connectClient(server.wsUrl, board.id, person.token)
  clients.push(writer)
  await waitForSync(writer)
  const before = createCard(writer.doc, { kind: 'objective', title: 'Before crash' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  await server.kill9()
  const during = createCard(writer.doc, { kind: 'objective', title: 'While down' })

  // Same port is not guaranteed: point the provider at the new server's address.
  server = await run.start()
  writer.provider.disconnect()
  writer.provider.serverUrl = `${server.wsUrl}/yjs`
  writer.provider.connect()
  const fresh = connectClient(server.wsUrl, board.id, person.token)
  clients.push(fresh)
  await eventually(() => getCards(fresh.doc).has(before) && getCards(fresh.doc).has(during), 8000)
})

it('kill -9 during 20 clients’ edits: after restart and reconnect, every edit any client holds is on the server', async () => {
  let server = await run.start()
  const board = await createBoard(server.url, 'Busy board')
  const people = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      join(server.url, board.id, `P${i}`, board.tokens.participant),
    ),
  )
  const writers = people.map((p) => connectClient(server.wsUrl, board.id, p.token))
  clients.push(...writers)
  await Promise.all(writers.map((w) => waitForSync(w)))

  // Everyone keeps creating cards; the server is killed in the middle of it.
  const state = { editing: true }
  const loops = writers.map(async (writer, i) => {
    for (let n = 0; state.editing && n < 200; n++) {
      createCard(writer.doc, { kind: 'objective', title: `P${i} card ${n}` })
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })
  await new Promise((resolve) => setTimeout(resolve, 600))
  await server.kill9()
  await new Promise((resolve) => setTimeout(resolve, 100))
  state.editing = false
  await Promise.all(loops)

  server = await run.start()
  for (const writer of writers) {
    writer.provider.disconnect()
    writer.provider.serverUrl = `${server.wsUrl}/yjs`
    writer.provider.connect()
  }
  const held = new Set(writers.flatMap((w) => [...getCards(w.doc).keys()]))
  expect(held.size).toBeGreaterThan(100)
  const fresh = connectClient(server.wsUrl, board.id, people[0].token)
  clients.push(fresh)
  await eventually(
    () => [...held].every((id) => getCards(fresh.doc).has(id)),
    15_000,
    'every held card on the restarted server',
  )
}, 60_000)
