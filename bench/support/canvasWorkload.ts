import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createCard, getCanvasArray } from '../../shared/boardDoc.ts'
import { cardShapeId } from '../../shared/ids.ts'
import { seededRandom } from '../../tests/support/seededRandom.ts'

/**
 * The canvas workload of the log-compaction bench: N cards, each with its tldraw shape, then
 * M shape moves. Every write is its own transaction, the way the client's store binding
 * flushes a drag (one transaction per ≤ 33 ms flush), so every move is one update and one
 * log record: the worst case for the log.
 */
export type ShapeRecord = Record<string, unknown>

/** Writes canvas records either through YKeyValue (what Catchball does) or a plain Y.Map. */
export interface CanvasWriter {
  set(key: string, value: ShapeRecord): void
}

export const keyValueWriter = (doc: Y.Doc): CanvasWriter => new YKeyValue(getCanvasArray(doc))

export const plainMapWriter = (doc: Y.Doc): CanvasWriter => {
  const map = doc.getMap<ShapeRecord>('canvas')
  return { set: (key, value) => map.set(key, value) }
}

/** Writes nothing: the cards alone, to tell the canvas's share of the document apart. */
export const noCanvasWriter = (): CanvasWriter => ({ set: () => {} })

export interface Move {
  card: number
  x: number
  y: number
}

/** A tldraw-like `okr-card` shape record: plain data, as tldraw's store holds it. */
export function cardShape(cardId: string, index: number, x: number, y: number): ShapeRecord {
  return {
    id: cardShapeId(cardId),
    typeName: 'shape',
    type: 'okr-card',
    x,
    y,
    rotation: 0,
    index: `a${index.toString(36)}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: 240, h: 140, cardId },
    meta: {},
  }
}

export const cardIdOf = (index: number) => `bench-card-${index}`

/** The same moves for every run of the same seed, so runs (and the Y.Map replay) compare. */
export function planMoves(seed: number, cards: number, moves: number): Move[] {
  const random = seededRandom(seed)
  return Array.from({ length: moves }, () => ({
    card: Math.floor(random() * cards),
    x: Math.round(random() * 4000),
    y: Math.round(random() * 3000),
  }))
}

/** Let the provider's socket drain every `chunk` writes rather than queueing them all at once. */
const CHUNK = 100
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Write the cards and their shapes, then the moves; resolves once everything is sent. */
export async function writeWorkload(
  doc: Y.Doc,
  canvas: CanvasWriter,
  cards: number,
  moves: readonly Move[],
): Promise<void> {
  const shapes: ShapeRecord[] = []
  for (let i = 0; i < cards; i++) {
    const cardId = cardIdOf(i)
    createCard(doc, { id: cardId, kind: 'objective', title: `Objective ${i}` })
    shapes.push(cardShape(cardId, i, (i % 25) * 260, Math.floor(i / 25) * 160))
    doc.transact(() => canvas.set(shapes[i].id as string, shapes[i]))
    if (i % CHUNK === CHUNK - 1) await yieldToEventLoop()
  }
  for (const [n, move] of moves.entries()) {
    const shape = shapes[move.card]
    shapes[move.card] = { ...shape, x: move.x, y: move.y }
    doc.transact(() => canvas.set(shape.id as string, shapes[move.card]))
    if (n % CHUNK === CHUNK - 1) await yieldToEventLoop()
  }
}

export interface ReplayFigures {
  /** Y.encodeStateAsUpdate of the whole document at the end. */
  stateBytes: number
  /** Updates emitted, i.e. log records with one record per update. */
  updates: number
  /** Sum of their sizes plus the log's 8-byte record headers: an uncompacted log. */
  logBytes: number
}

/** Replay the workload into a local document (no server) and measure it. */
export async function replayLocally(
  makeWriter: (doc: Y.Doc) => CanvasWriter,
  cards: number,
  moves: readonly Move[],
): Promise<ReplayFigures> {
  const doc = new Y.Doc()
  let updates = 0
  let logBytes = 8 // the log's file header
  doc.on('update', (update: Uint8Array) => {
    updates++
    logBytes += 8 + update.length
  })
  await writeWorkload(doc, makeWriter(doc), cards, moves)
  const stateBytes = Y.encodeStateAsUpdate(doc).length
  doc.destroy()
  return { stateBytes, updates, logBytes }
}
