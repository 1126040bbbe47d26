import { afterEach, beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { getControlRoot } from '../../shared/controlDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import {
  closeCodeOf,
  connectClient,
  eventually,
  waitForSync,
  type YClient,
} from '../support/yClient.ts'

let server: TestServer
const clients: YClient[] = []
beforeEach(async () => {
  server = await newServer({ ROOM_UNLOAD_DELAY_MS: 0 })
})
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await server.destroy()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it("drops a viewer's document updates, keeps its cursor flowing, and never stores them", async () => {
  const { board, participants, viewer } = await boardWithPeople(server, 1)
  const watcher = connectClient(server.wsUrl, board.id, participants[0].token)
  const viewing = connectClient(server.wsUrl, board.id, viewer.token)
  clients.push(watcher, viewing)
  await Promise.all([waitForSync(watcher), waitForSync(viewing)])

  const sneaky = createCard(viewing.doc, { kind: 'objective', title: 'Viewer was here' })
  viewing.provider.awareness.setLocalStateField('user', { name: 'Viewer' })
  // Awareness flows: the participant sees the viewer's presence…
  await eventually(() =>
    [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Viewer'),
  )
  // …and a later participant edit arrives, proving the viewer's earlier edit had its chance.
  const legit = createCard(watcher.doc, { kind: 'objective', title: 'Real' })
  await eventually(() => getCards(viewing.doc).has(legit))
  await sleep(200)
  expect(getCards(watcher.doc).has(sneaky)).toBe(false)
  expect(viewing.provider.wsconnected).toBe(true)

  // Restart on the same data: the viewer's card was never persisted.
  clients.splice(0).forEach((c) => c.destroy())
  await server.stop()
  server = await (await import('../support/testServer.ts')).newServer({}, server.dataDir)
  const fresh = connectClient(server.wsUrl, board.id, participants[0].token)
  clients.push(fresh)
  await waitForSync(fresh)
  expect(getCards(fresh.doc).has(legit)).toBe(true)
  expect(getCards(fresh.doc).has(sneaky)).toBe(false)
})

it("drops a participant's writes to the control document but applies the facilitator's", async () => {
  const { board, facilitator, participants } = await boardWithPeople(server, 2)
  const room = `${board.id}/control`
  const lead = connectClient(server.wsUrl, room, facilitator.token)
  const member = connectClient(server.wsUrl, room, participants[0].token)
  const observer = connectClient(server.wsUrl, room, participants[1].token)
  clients.push(lead, member, observer)
  await Promise.all([waitForSync(lead), waitForSync(member), waitForSync(observer)])
  expect(getControlRoot(member.doc).get('phase')).toBe(0)

  getControlRoot(member.doc).set('finalizedVersion', 99)
  getControlRoot(lead.doc).set('phase', 2)
  await eventually(() => getControlRoot(observer.doc).get('phase') === 2)
  await sleep(200)
  // The participant's change reached nobody: not the server, the facilitator or a peer.
  const serverDoc = server.context.rooms.loaded(board.id, 'control')!.doc
  for (const doc of [serverDoc, lead.doc, observer.doc]) {
    expect(getControlRoot(doc).get('finalizedVersion')).toBe(null)
    expect(getControlRoot(doc).get('phase')).toBe(2)
  }
  expect(member.provider.wsconnected).toBe(true)
})

it('closes with 4401 for a missing or foreign token and 4404 for an unknown board or room', async () => {
  const a = await boardWithPeople(server, 1)
  const b = await boardWithPeople(server, 1)
  const base = `${server.wsUrl}/yjs`
  expect(await closeCodeOf(`${base}/${a.board.id}`)).toBe(CloseCode.Unauthorized)
  expect(await closeCodeOf(`${base}/${a.board.id}?token=garbage`)).toBe(CloseCode.Unauthorized)
  expect(await closeCodeOf(`${base}/${a.board.id}?token=${b.participants[0].token}`)).toBe(
    CloseCode.Unauthorized,
  )
  // A role token is for joining only, not for the socket.
  expect(await closeCodeOf(`${base}/${a.board.id}?token=${a.board.tokens.participant}`)).toBe(
    CloseCode.Unauthorized,
  )
  expect(await closeCodeOf(`${base}/unknownBoard?token=${a.participants[0].token}`)).toBe(
    CloseCode.NotFound,
  )
  expect(
    await closeCodeOf(`${base}/${a.board.id}/elsewhere?token=${a.participants[0].token}`),
  ).toBe(CloseCode.NotFound)
  expect(await closeCodeOf(`${base}/bad%2E%2Eid?token=x`)).toBe(CloseCode.Malformed)
  expect(await closeCodeOf(`${base}/${'x'.repeat(65)}?token=x`)).toBe(CloseCode.Malformed)
})

it('closes only the offending socket with 4400 on an undecodable frame; the board is unchanged', async () => {
  const { board, participants } = await boardWithPeople(server, 2)
  const good = connectClient(server.wsUrl, board.id, participants[0].token)
  clients.push(good)
  await waitForSync(good)
  createCard(good.doc, { kind: 'objective', title: 'Keep me' })
  await sleep(100)
  const serverDoc = server.context.rooms.loaded(board.id, 'board')!.doc
  const before = Y.encodeStateAsUpdate(serverDoc)

  // Sync message (0), update (2), with a length that runs past the end of the frame.
  const code = await closeCodeOf(
    `${server.wsUrl}/yjs/${board.id}?token=${participants[1].token}`,
    new Uint8Array([0, 2, 200, 1, 2, 3]),
  )
  expect(code).toBe(CloseCode.Malformed)
  expect(Y.encodeStateAsUpdate(serverDoc)).toEqual(before)
  expect(good.provider.wsconnected).toBe(true)
})
