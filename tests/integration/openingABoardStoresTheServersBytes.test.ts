import { expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { applyServerUpdatesAsReceived } from '../../client/board/applyServerUpdatesAsReceived.ts'
import { ReceivedUpdateDoc } from '../../client/board/ReceivedUpdateDoc.ts'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import { eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest()
const CARDS = 200

/** `ws`'s WebSocket, noting every message's bytes as the server sent them. */
function recordingSocketClass(received: Set<ArrayBufferLike>) {
  return class RecordingSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer) received.add(event.data)
      })
    }
  }
}

function titleAt(doc: Y.Doc, id: string): string {
  return readCard(id, getCards(doc).get(id)!).title
}

/** The document a reload would rebuild from what the local copy was given. */
function localCopy(stored: Uint8Array[]): Y.Doc {
  const copy = new Y.Doc()
  for (const update of stored) Y.applyUpdate(copy, update)
  return copy
}

it('the board a person opens is stored locally from the bytes the server sent, and edits still flow both ways', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [alice] = await syncedClients(perTest, board.id, [participants[0].token])
  const ids: string[] = []
  alice.doc.transact(() => {
    for (let i = 0; i < CARDS; i++) {
      ids.push(createCard(alice.doc, { kind: 'objective', title: `Objective ${i}` }))
    }
  })

  // Bob opens the board the way the page does: the stock provider, its sync step 2 and
  // updates applied as received. His listener stands in for y-indexeddb's.
  const received = new Set<ArrayBufferLike>()
  const doc = new ReceivedUpdateDoc()
  const stored: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => stored.push(update))
  const provider = new WebsocketProvider(`${perTest.server.wsUrl}/yjs`, board.id, doc, {
    params: { token: participants[1].token },
    WebSocketPolyfill: recordingSocketClass(received) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  applyServerUpdatesAsReceived(provider, doc)
  const bob = {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  perTest.clients.push(bob)
  await waitForSync(bob)
  await eventually(() => getCards(doc).size === CARDS, 5000, 'every card to reach bob')

  // Whatever the local copy got is a view of a message the server sent, not a re-encoding…
  expect(stored.length).toBeGreaterThan(0)
  for (const update of stored) expect(received.has(update.buffer)).toBe(true)
  // …and it is the whole board, as a reload would read it.
  expect(getCards(localCopy(stored)).size).toBe(CARDS)

  // Alice's later edit reaches Bob, and his local copy, as received.
  setCardText(alice.doc, ids[7], 'title', 'Grow revenue in EMEA')
  await eventually(() => titleAt(doc, ids[7]) === 'Grow revenue in EMEA', 5000, 'edit to bob')
  for (const update of stored) expect(received.has(update.buffer)).toBe(true)
  expect(titleAt(localCopy(stored), ids[7])).toBe('Grow revenue in EMEA')

  // Bob's own edit still goes out through the provider's update listener.
  setCardText(doc, ids[3], 'title', 'Halve the onboarding time')
  await eventually(
    () => titleAt(alice.doc, ids[3]) === 'Halve the onboarding time',
    5000,
    'edit to alice',
  )
})
