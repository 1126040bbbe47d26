import { WebSocket } from 'ws'
import { createBoard, join, type CreatedBoard } from '../../tests/support/api.ts'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { createCard, getCanvasArray, getCards, type NewCard } from '../../shared/boardDoc.ts'
import type { CardKind } from '../../shared/cardSchema.ts'
import { within } from '../support/scenario.ts'
import { cardShape } from '../support/canvasWorkload.ts'
import {
  EMPTY_STATE_VECTOR,
  SYNC_STEP1,
  SYNC_UPDATE,
  clockMs,
  decodeMessage,
  encodeSync,
} from './protocol.ts'

/**
 * A big board, the way a real one looks after a workshop: an OKR tree of `count` cards
 * (objectives → key results → initiatives, plus actions), each a Y.Map with a Y.Text title
 * and notes and the other fields createCard writes, and each with its tldraw `okr-card`
 * shape in the canvas (YKeyValue, as the client writes it).
 */
export function bigBoard(count: number): { update: Uint8Array; cardIds: string[] } {
  const doc = new Y.Doc()
  const canvas = new YKeyValue<Record<string, unknown>>(getCanvasArray(doc))
  const objectives = Math.max(1, Math.round(count / 10))
  const cards: (NewCard & { id: string })[] = []
  const add = (kind: CardKind, parentId: string | null, extra: Partial<NewCard> = {}) => {
    if (cards.length >= count) return ''
    const id = `${kind}-${cards.length}`
    cards.push({
      id,
      kind,
      parentId,
      title: `${kind} ${cards.length}: grow weekly active teams in the EMEA region`,
      notes: `Why: customers asked for it in the Q2 survey. Owner checks in every Monday (${id}).`,
      team: `Team ${cards.length % 12}`,
      owner: `Person ${cards.length % 37}`,
      status: 'agreed',
      ...extra,
    })
    return id
  }
  for (let o = 0; o < objectives; o++) {
    const objective = add('objective', null)
    for (let k = 0; k < 4; k++) {
      const kr = add('keyResult', objective, {
        metric: { from: 0, to: 100, current: (o * 7 + k * 13) % 100, unit: '%' },
        confidence: (o + k) % 11,
      })
      add('initiative', kr, { status: 'proposed' })
      if (k === 0) add('action', kr, { status: 'draft', dueDate: '2026-12-15' })
    }
  }
  while (cards.length < count) add('objective', null)
  doc.transact(() => {
    cards.forEach((card, i) => {
      createCard(doc, card)
      const shape = cardShape(card.id, i, (i % 40) * 260, Math.floor(i / 40) * 160)
      canvas.set(shape.id as string, { ...shape, index: indexKey(i) })
    })
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { update, cardIds: cards.map((card) => card.id) }
}

/**
 * A valid tldraw (fractional-indexing) key for position i < 3844: 'b' + two base-62
 * digits, in order, with no trailing-zero fraction.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export function indexKey(i: number): string {
  const n = i + 1
  return `b${DIGITS[Math.floor(n / 62) % 62]}${DIGITS[n % 62]}`
}

export interface JoinTiming {
  /** From `new WebSocket` to the server's sync step 2 arriving. */
  syncStep2Ms: number
  bytes: number
}

/**
 * Open a socket, send sync step 1 with an empty state vector (a new client) and time the
 * server's sync step 2. Optionally also push `update` first (seeding) and keep the step 2.
 */
export function joinAndSync(
  url: string,
  options: { update?: Uint8Array; timeoutMs?: number; keep?: (step2: Uint8Array) => void } = {},
): Promise<JoinTiming> {
  const start = clockMs()
  const socket = new WebSocket(url, { perMessageDeflate: false })
  const done = new Promise<JoinTiming>((resolve, reject) => {
    socket.on('open', () => {
      if (options.update) socket.send(encodeSync(SYNC_UPDATE, options.update))
      socket.send(encodeSync(SYNC_STEP1, EMPTY_STATE_VECTOR))
    })
    socket.on('message', (data: Buffer) => {
      const message = decodeMessage(data)
      if (message.kind !== 'syncStep2') return
      const syncStep2Ms = clockMs() - start
      options.keep?.(message.payload)
      resolve({ syncStep2Ms, bytes: data.byteLength })
    })
    socket.on('error', () => undefined)
    socket.on('close', (code) => reject(new Error(`socket closed with ${code} before sync`)))
  })
  return within(options.timeoutMs ?? 30_000, done, 'sync step 2').finally(() => socket.terminate())
}

/** Seed a board over the protocol and check, from a fresh client, that it holds every card. */
export async function seedBigBoard(writerUrl: string, readerUrl: string, count: number) {
  const { update, cardIds } = bigBoard(count)
  await joinAndSync(writerUrl, { update })
  let cards = 0
  await joinAndSync(readerUrl, {
    keep: (step2) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, step2)
      cards = getCards(doc).size
      doc.destroy()
    },
  })
  if (cards < count) throw new Error(`seeded ${count} cards but a fresh client sees ${cards}`)
  return { updateBytes: update.length, cardIds }
}

/** A new board on Catchball holding `count` cards, seeded by a participant named Seeder. */
export async function createSeededBoard(
  server: { url: string; wsUrl: string },
  title: string,
  count: number,
): Promise<CreatedBoard> {
  const board = await createBoard(server.url, title)
  const seeder = await join(server.url, board.id, 'Seeder', board.tokens.participant)
  const url = `${server.wsUrl}/yjs/${board.id}?token=${seeder.token}`
  await seedBigBoard(url, url, count)
  return board
}
