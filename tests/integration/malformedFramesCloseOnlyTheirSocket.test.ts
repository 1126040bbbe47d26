import { afterAll, beforeAll, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { createCard } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { closeCodeOf, connectClient, waitForSync, type YClient } from '../support/yClient.ts'

let server: TestServer
let people: BoardWithPeople
let watcher: YClient
beforeAll(async () => {
  server = await newServer()
  people = await boardWithPeople(server, 2)
  watcher = connectClient(server.wsUrl, people.board.id, people.participants[0].token)
  await waitForSync(watcher)
  createCard(watcher.doc, { kind: 'objective', title: 'Stays exactly as it is' })
  await new Promise((resolve) => setTimeout(resolve, 200))
})
afterAll(async () => {
  watcher.destroy()
  await server.destroy()
})

const socketUrl = () =>
  `${server.wsUrl}/yjs/${people.board.id}?token=${people.participants[1].token}`
const serverState = () =>
  Y.encodeStateAsUpdate(server.context.rooms.loaded(people.board.id, 'board')!.doc)

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

it('every truncation of a valid update closes that socket with 4400 and changes nothing', async () => {
  const other = new Y.Doc()
  other.getMap('cards').set('x', new Y.Map())
  other.getText('t').insert(0, 'hello world')
  other.getText('t').delete(0, 3)
  const update = Y.encodeStateAsUpdate(other)
  const before = serverState()
  const codes = new Set<number>()
  for (let length = 0; length < update.length; length++) {
    codes.add(await closeCodeOf(socketUrl(), syncUpdateFrame(update.slice(0, length))))
  }
  expect([...codes]).toEqual([CloseCode.Malformed])
  // Byte-identical: no truncated update was half-applied.
  expect(serverState()).toEqual(before)
  expect(watcher.provider.wsconnected).toBe(true)
})

it('seeded random update payloads never change the board and never take the server down', async () => {
  const random = seededRandom(4242)
  const before = serverState()
  const codes = new Set<number>()
  for (let i = 0; i < 150; i++) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () =>
      Math.floor(random() * 256),
    )
    codes.add(await closeCodeOf(socketUrl(), syncUpdateFrame(bytes)))
  }
  expect([...codes]).toEqual([CloseCode.Malformed])
  expect(serverState()).toEqual(before)
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  expect(watcher.provider.wsconnected).toBe(true)
}, 30_000)

it('a frame above maxPayload is closed by ws with 1009 and nothing is applied', async () => {
  const small = await newServer({ WS_MAX_PAYLOAD_BYTES: 64 * 1024 })
  try {
    const group = await boardWithPeople(small, 1)
    const code = await closeCodeOf(
      `${small.wsUrl}/yjs/${group.board.id}?token=${group.participants[0].token}`,
      new Uint8Array(65 * 1024),
    )
    expect(code).toBe(1009)
  } finally {
    await small.destroy()
  }
})
