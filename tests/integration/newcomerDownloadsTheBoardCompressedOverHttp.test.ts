import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCard, deleteCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { downloadBoard } from '../support/boardDownload.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

const CARDS = 200

let server: TestServer
let people: BoardWithPeople
let writer: YClient

beforeAll(async () => {
  server = await newServer()
  people = await boardWithPeople(server, 1)
  writer = connectClient(server.wsUrl, people.board.id, people.facilitator.token)
  await waitForSync(writer)
  writer.doc.transact(() => {
    for (let i = 0; i < CARDS; i++) {
      createCard(writer.doc, {
        kind: 'keyResult',
        title: `Key result ${i}: grow weekly active teams in the EMEA region`,
        notes: 'Why: customers asked for it in the Q2 survey.',
      })
    }
  })
  const watcher = connectClient(server.wsUrl, people.board.id, people.viewer.token)
  await eventually(() => getCards(watcher.doc).size === CARDS, 10_000, 'the server to hold it')
  watcher.destroy()
})

afterAll(async () => {
  writer?.destroy()
  await server.destroy()
})

const getDocument = (boardId: string, token?: string, acceptEncoding?: string) =>
  downloadBoard(server.url, boardId, token, acceptEncoding)

describe('a browser opening a board for the first time downloads it over HTTP, compressed', () => {
  it('gets the whole board, brotli-compressed to a fraction; a socket opened with it catches up', async () => {
    const res = await getDocument(
      people.board.id,
      people.participants[0].token,
      'gzip, deflate, br, zstd',
    )
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['vary']).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toBe('no-store')
    const update = brotliDecompressSync(res.body)
    // Repetitive OKR text: far under a third of the board's bytes.
    expect(res.body.length).toBeLessThan(update.length / 3)

    // What the page does: apply it, then connect with that state.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    expect(getCards(doc).size).toBe(CARDS)
    createCard(writer.doc, { id: 'after-download', kind: 'objective', title: 'Later' })
    const nina = connectClient(server.wsUrl, people.board.id, people.participants[0].token, doc)
    try {
      await waitForSync(nina)
      await eventually(() => getCards(nina.doc).has('after-download'), 5000, 'the later card')
      expect(Y.encodeStateVector(nina.doc)).toEqual(Y.encodeStateVector(writer.doc))
    } finally {
      nina.destroy()
    }
  })

  it('opened after renames and deletions, the board is whole once its socket has synced', async () => {
    const token = people.participants[0].token
    await getDocument(people.board.id, token, 'br')
    // Small changes after that download: the next one may be the same state, without them.
    const [renamed, deleted] = [...getCards(writer.doc).keys()]
    setCardText(writer.doc, renamed, 'title', 'Renamed after the first download')
    deleteCard(writer.doc, deleted)
    const watcher = connectClient(server.wsUrl, people.board.id, people.viewer.token)
    try {
      await eventually(() => !getCards(watcher.doc).has(deleted), 5000, 'the server to hold it')
    } finally {
      watcher.destroy()
    }

    const res = await getDocument(people.board.id, token, 'br')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, brotliDecompressSync(res.body))
    const nina = connectClient(server.wsUrl, people.board.id, token, doc)
    try {
      await waitForSync(nina)
      expect(getCards(nina.doc).has(deleted)).toBe(false)
      expect(readCard(renamed, getCards(nina.doc).get(renamed)!).title).toBe(
        'Renamed after the first download',
      )
      expect(getCards(nina.doc).size).toBe(getCards(writer.doc).size)
    } finally {
      nina.destroy()
    }
  })

  it('is gzip for a client that accepts only gzip, and plain for one that accepts neither', async () => {
    const token = people.participants[0].token
    const gzip = await getDocument(people.board.id, token, 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    const plain = await getDocument(people.board.id, token)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, plain.body)
    expect(getCards(doc).size).toBeGreaterThanOrEqual(CARDS)
  })

  it('is for people who joined the board, viewers included; others get the JSON error', async () => {
    const viewer = await getDocument(people.board.id, people.viewer.token, 'br')
    expect(viewer.status).toBe(200)

    const cases: [string, string | undefined, number][] = [
      [people.board.id, undefined, 401],
      [people.board.id, 'not-a-token', 401],
      // A role link is for joining, not for reading the board.
      [people.board.id, people.board.tokens.participant, 401],
      ['NoSuchBoard123', people.participants[0].token, 404],
      ['bad..id', people.participants[0].token, 400],
    ]
    for (const [boardId, token, status] of cases) {
      const res = await getDocument(boardId, token, 'br')
      expect(res.status, `${boardId} with ${token}`).toBe(status)
      expect(res.headers['content-type']).toMatch(/application\/json/)
      expect(JSON.parse(res.body.toString()).error.code).toBeTypeOf('string')
    }
  })
})
