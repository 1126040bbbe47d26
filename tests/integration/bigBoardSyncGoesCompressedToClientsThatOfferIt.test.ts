import { connect as netConnect, type NetConnectOpts, type Socket } from 'node:net'
import { WebSocket, type ClientOptions } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

const CARDS = 300

let server: TestServer
let people: BoardWithPeople
let writer: YClient
/** The board as the server holds it, encoded: what a newcomer's sync step 2 carries. */
let boardBytes: number

/** The setting that turns compression on (off by default: see server/config.ts). */
const COMPRESS_FROM_BYTES = 32 * 1024

beforeAll(async () => {
  server = await newServer({ WS_COMPRESS_FROM_BYTES: COMPRESS_FROM_BYTES })
  people = await boardWithPeople(server, 3)
  writer = connectClient(server.wsUrl, people.board.id, people.facilitator.token)
  await waitForSync(writer)
  writer.doc.transact(() => {
    for (let i = 0; i < CARDS; i++) {
      createCard(writer.doc, {
        kind: i % 5 === 0 ? 'objective' : 'keyResult',
        title: `Key result ${i}: grow weekly active teams in the EMEA region`,
        notes: `Why: customers asked for it in the Q2 survey. Owner checks in every Monday.`,
        team: `Team ${i % 12}`,
        owner: `Person ${i % 37}`,
      })
    }
  })
  boardBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
  // Well past the size from which messages go compressed.
  expect(boardBytes).toBeGreaterThan(2 * COMPRESS_FROM_BYTES)
  const watcher = connectClient(server.wsUrl, people.board.id, people.participants[2].token)
  await eventually(() => getCards(watcher.doc).size === CARDS, 10_000, 'the server to hold it')
  watcher.destroy()
})

afterAll(async () => {
  writer?.destroy()
  await server.destroy()
})

/**
 * A stock provider whose WebSocket offers permessage-deflate or not, and counts the bytes
 * its TCP socket reads: what came over the wire, before any decompression.
 */
function newcomer(
  token: string,
  offerDeflate: ClientOptions['perMessageDeflate'],
  wsUrl = server.wsUrl,
  boardId = people.board.id,
) {
  const tcp: Socket[] = []
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      const options: ClientOptions = {
        // `ws` offers permessage-deflate by default, as browsers do.
        perMessageDeflate: offerDeflate,
        createConnection: (connectOptions) => {
          const socket = netConnect(connectOptions as NetConnectOpts)
          tcp.push(socket)
          return socket
        },
      }
      super(address, protocols, options)
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const client: YClient = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) }
  return { client, bytesRead: () => tcp.reduce((sum, socket) => sum + socket.bytesRead, 0) }
}

describe("a big board's first sync goes compressed to a client that offers permessage-deflate", () => {
  it('arrives whole, in under a third of its bytes, and edits flow both ways after it', async () => {
    const nina = newcomer(people.participants[0].token, true)
    try {
      await waitForSync(nina.client, 10_000)
      expect(getCards(nina.client.doc).size).toBe(CARDS)
      expect(Y.encodeStateVector(nina.client.doc)).toEqual(Y.encodeStateVector(writer.doc))
      // Repetitive OKR text compresses to ~15 %: a third leaves room, and is far from whole.
      expect(nina.bytesRead()).toBeLessThan(boardBytes / 3)
      expect((nina.client.provider.ws as unknown as WebSocket).extensions).toBe(
        'permessage-deflate',
      )

      // The socket goes on as usual: Nina's edit reaches the writer, the writer's reaches her.
      createCard(nina.client.doc, { id: 'from-nina', kind: 'objective', title: 'Nina’s idea' })
      createCard(writer.doc, { id: 'from-writer', kind: 'objective', title: 'Later edit' })
      await eventually(() => getCards(writer.doc).has('from-nina'), 5000, 'Nina’s card')
      await eventually(() => getCards(nina.client.doc).has('from-writer'), 5000, 'the edit')
    } finally {
      nina.client.destroy()
    }
  })

  it('goes plain to a client that asks for a smaller window than it is compressed with', async () => {
    // Allowed by RFC 7692, granted by `ws`; our frames are compressed once with a 32 KiB
    // window, which such a client could not inflate: it would fail and drop the socket.
    const cy = newcomer(people.participants[2].token, { serverMaxWindowBits: 10 })
    try {
      await waitForSync(cy.client, 10_000)
      expect((cy.client.provider.ws as unknown as WebSocket).extensions).toBe('permessage-deflate')
      expect(getCards(cy.client.doc).size).toBeGreaterThanOrEqual(CARDS)
      expect(cy.bytesRead()).toBeGreaterThan(boardBytes)
    } finally {
      cy.client.destroy()
    }
  })

  it('goes whole and plain to a client that does not offer it', async () => {
    const paul = newcomer(people.participants[1].token, false)
    try {
      await waitForSync(paul.client, 10_000)
      expect(getCards(paul.client.doc).size).toBeGreaterThanOrEqual(CARDS)
      expect((paul.client.provider.ws as unknown as WebSocket).extensions).toBe('')
      expect(paul.bytesRead()).toBeGreaterThan(boardBytes)
    } finally {
      paul.client.destroy()
    }
  })
})

describe('by default', () => {
  it('a client offering permessage-deflate is declined, so nothing it sends must be inflated', async () => {
    // Chromium compresses every message it sends once the extension is agreed, and inflating
    // each costs the server ~0.13 ms: a busy room's cursors would take a core.
    const plain = await newServer()
    try {
      const board = await boardWithPeople(plain, 1)
      const ada = newcomer(board.participants[0].token, true, plain.wsUrl, board.board.id)
      try {
        await waitForSync(ada.client)
        expect((ada.client.provider.ws as unknown as WebSocket).extensions).toBe('')
      } finally {
        ada.client.destroy()
      }
    } finally {
      await plain.destroy()
    }
  })
})
