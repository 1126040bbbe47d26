import { expect, it } from 'vitest'
import type { WebSocket as NodeWebSocket } from 'ws'
import * as Y from 'yjs'
import { boardWithPeople } from '../support/boardFixture.ts'
import { forgedAwarenessMessage } from '../support/forgedAwareness.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

const perTest = serverPerTest()

const nameIn = (watcher: YClient, clientId: number) =>
  (watcher.provider.awareness.getStates().get(clientId) as { user?: { name: string } } | undefined)
    ?.user?.name

/** A frame sent on a client's socket as it is, behind its provider's back. */
const sendRaw = (client: YClient, frame: Uint8Array) =>
  (client.provider.ws as unknown as NodeWebSocket).send(frame)

const clockOf = (client: YClient) => client.provider.awareness.meta.get(client.doc.clientID)!.clock

async function connected(token: string, boardId: string, doc?: Y.Doc): Promise<YClient> {
  const client = connectClient(perTest.server.wsUrl, boardId, token, doc)
  perTest.clients.push(client)
  await waitForSync(client)
  return client
}

// y-protocols takes any client id's state with a higher clock, from anyone: a participant
// could rename someone in everyone's people list, or remove them with a clock their client
// never reaches, so they stayed gone. The server now keeps a client id to its owner.
it("a participant cannot rename or remove someone else in everyone's presence", async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [ada, bo, cy] = await Promise.all(
    participants.map((person) => connected(person.token, board.id)),
  )
  ada.provider.awareness.setLocalStateField('user', { name: 'Ada' })
  await eventually(() => nameIn(cy, ada.doc.clientID) === 'Ada', 5000, 'Ada seen')

  const adaId = ada.doc.clientID
  sendRaw(
    bo,
    forgedAwarenessMessage([
      [adaId, clockOf(ada) + 100, JSON.stringify({ user: { name: 'Mallory' } })],
    ]),
  )
  sendRaw(bo, forgedAwarenessMessage([[adaId, 2 ** 30, 'null']]))
  // Bo's own state, sent after the forgeries on the same socket, marks them handled.
  bo.provider.awareness.setLocalStateField('user', { name: 'Bo' })
  await eventually(() => nameIn(cy, bo.doc.clientID) === 'Bo', 5000, 'Bo seen')

  expect(nameIn(cy, adaId)).toBe('Ada')
  expect(bo.provider.wsconnected).toBe(true)
  const newcomer = await connected(participants[2].token, board.id)
  await eventually(() => nameIn(newcomer, bo.doc.clientID) === 'Bo', 5000, 'newcomer sees Bo')
  expect(nameIn(newcomer, adaId)).toBe('Ada')
  // Ada's own next change still reaches everyone.
  ada.provider.awareness.setLocalStateField('user', { name: 'Ada L.' })
  await eventually(() => nameIn(cy, adaId) === 'Ada L.', 5000, "Ada's rename seen")
})

// A client whose network dropped comes back on a new socket, maybe before the server has
// seen the old one close. Closing the old one then must not remove the person, who is back.
it('someone back on a new socket stays present when their old socket closes', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [adaBefore, bo, cy] = await Promise.all(
    participants.map((person) => connected(person.token, board.id)),
  )
  const adaId = adaBefore.doc.clientID
  adaBefore.provider.awareness.setLocalStateField('user', { name: 'Ada' })
  await eventually(() => nameIn(cy, adaId) === 'Ada', 5000, 'Ada seen')

  // The same page's document (same client id) on a new socket, its state one clock on.
  const sameDoc = new Y.Doc()
  sameDoc.clientID = adaId
  const adaAfter = await connected(participants[0].token, board.id, sameDoc)
  while (clockOf(adaAfter) <= clockOf(adaBefore)) {
    adaAfter.provider.awareness.setLocalState({ user: { name: 'Ada' }, cursor: { x: 9 } })
  }
  const cursorIn = (client: YClient) =>
    (client.provider.awareness.getStates().get(adaId) as { cursor?: { x: number } } | undefined)
      ?.cursor?.x
  await eventually(() => cursorIn(cy) === 9, 5000, "Ada's new socket's state seen")

  // Now the old socket goes, without a word, as a dropped connection does.
  const room = perTest.server.context.rooms.loaded(board.id, 'board')!
  const before = room.connections.size
  adaBefore.provider.shouldConnect = false
  ;(adaBefore.provider.ws as unknown as NodeWebSocket).terminate()
  await eventually(() => room.connections.size === before - 1, 5000, 'old socket closed')
  // Bo's change after that close marks the awareness the close sent as delivered.
  bo.provider.awareness.setLocalStateField('user', { name: 'Bo' })
  await eventually(() => nameIn(cy, bo.doc.clientID) === 'Bo', 5000, 'Bo seen')
  expect(nameIn(cy, adaId)).toBe('Ada')
  expect(cursorIn(cy)).toBe(9)
})
