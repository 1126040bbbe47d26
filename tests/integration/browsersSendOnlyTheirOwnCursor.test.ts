import * as decoding from 'lib0/decoding'
import { expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnAwarenessOnly } from '../../client/board/sendOwnAwarenessOnly.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest()
const MESSAGE_AWARENESS = 1

/** A `ws` socket that keeps the client ids of every awareness message it sends. */
function recordingSocket(sentClientIds: number[][]) {
  return class RecordingWebSocket extends WebSocket {
    override send(data: Uint8Array, ...rest: unknown[]): void {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) === MESSAGE_AWARENESS) {
        const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
        const ids: number[] = []
        for (let n = decoding.readVarUint(update); n > 0; n--) {
          ids.push(decoding.readVarUint(update))
          decoding.readVarUint(update) // clock
          decoding.readVarString(update) // state
        }
        sentClientIds.push(ids)
      }
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
}

/** The cursor `provider` holds for `clientId`, as JSON (to compare). */
const cursorIn = (provider: WebsocketProvider, clientId: number) =>
  JSON.stringify(provider.awareness.getStates().get(clientId)?.cursor)

// The stock provider sends back every awareness change it hears of (yjs issue 732): each
// cursor tick from the server came back from every browser, everyone's cursors in it. In a
// room of 200 that is 200 × 200 states a tick for the server to read. The board page's
// provider sends its own state only; everyone still sees everyone.
it("a board page's provider sends its own cursor, not the others' it receives", async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [ada, cy] = [participants[0], participants[2]].map((person) =>
    connectClient(perTest.server.wsUrl, board.id, person.token),
  )
  perTest.clients.push(ada, cy)
  const sent: number[][] = []
  const boDoc = new Y.Doc()
  const bo = new WebsocketProvider(`${perTest.server.wsUrl}/yjs`, board.id, boDoc, {
    params: { token: participants[1].token },
    WebSocketPolyfill: recordingSocket(sent) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const stopOwnOnly = sendOwnAwarenessOnly(bo)
  perTest.clients.push({
    doc: boDoc,
    provider: bo,
    destroy: () => {
      stopOwnOnly()
      bo.destroy()
      boDoc.destroy()
    },
  })
  await Promise.all([waitForSync(ada), waitForSync(cy), waitForSync({ provider: bo } as never)])

  bo.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
  for (let step = 1; step <= 5; step++) {
    ada.provider.awareness.setLocalStateField('cursor', { x: 100 + step, y: 0 })
    cy.provider.awareness.setLocalStateField('cursor', { x: 300 + step, y: 0 })
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await eventually(
    () =>
      cursorIn(bo, ada.doc.clientID) === JSON.stringify({ x: 105, y: 0 }) &&
      cursorIn(bo, cy.doc.clientID) === JSON.stringify({ x: 305, y: 0 }),
    5000,
    "Ada's and Cy's last cursors to reach Bo",
  )
  // Bo's own cursor still reaches the others.
  await eventually(
    () => cursorIn(ada.provider, boDoc.clientID) === JSON.stringify({ x: 1, y: 1 }),
    5000,
    "Bo's cursor to reach Ada",
  )

  expect(sent.length).toBeGreaterThan(0)
  // The provider sends synchronously as it applies what it receives: anything Bo was going
  // to send back about Ada and Cy has been sent by now.
  expect(sent.flat().filter((id) => id !== boDoc.clientID)).toEqual([])
})
