import { readFile, stat } from 'node:fs/promises'
import * as Y from 'yjs'
import { getCanvasArray, getCards } from '../../shared/boardDoc.ts'
import type { RoomKind } from '../../shared/rooms.ts'
import { testConfig } from '../../server/config.ts'
import { RoomManager } from '../../server/rooms/RoomManager.ts'
import { readLogFile } from '../../server/storage/updateLog.ts'
import { delay } from './scenario.ts'

/** A board's update log on disk, read from outside the server process. */

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

/** Where the server keeps a room's log: asked of RoomManager itself, so the two cannot drift. */
export function logPathOf(dataDir: string, boardId: string, kind: RoomKind = 'board'): string {
  return new RoomManager(testConfig(dataDir), quiet).logPath(boardId, kind)
}

export interface LogFacts {
  bytes: number
  records: number
  updates: Uint8Array[]
}

export async function readLog(path: string): Promise<LogFacts> {
  const bytes = await readFile(path)
  const { updates } = readLogFile(bytes, path)
  return { bytes: bytes.length, records: updates.length, updates }
}

const sizeOf = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0

/**
 * Wait until the file has kept its size for `quietMs` (several of the server's 50 ms flush
 * intervals), i.e. every buffered append is on disk.
 */
export async function waitForQuietFile(path: string, quietMs = 400, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  let size = await sizeOf(path)
  let since = Date.now()
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`${path} kept changing for ${timeoutMs} ms`)
    await delay(50)
    const now = await sizeOf(path)
    if (now !== size) [size, since] = [now, Date.now()]
  }
}

/** Poll the log until it holds `records` records (e.g. 1 after compaction). */
export async function waitForRecords(path: string, records: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const facts = await readLog(path).catch(() => null)
    if (facts?.records === records) return facts
    if (Date.now() > deadline) throw new Error(`${path} never reached ${records} record(s)`)
    await delay(100)
  }
}

/** The largest size the file reaches while watched, polled every 20 ms (bounded count). */
export function watchPeakSize(path: string, maxPolls = 30_000): { stop(): number } {
  let peak = 0
  let polls = 0
  const timer = setInterval(() => {
    if (++polls >= maxPolls) clearInterval(timer)
    void sizeOf(path).then((size) => (peak = Math.max(peak, size)))
  }, 20)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      return peak
    },
  }
}

/** Canvas records (last write wins, as YKeyValue reads them) and card ids, as one string. */
export function contentFingerprint(doc: Y.Doc): string {
  const canvas = new Map<string, unknown>()
  for (const { key, val } of getCanvasArray(doc).toArray()) canvas.set(key, val)
  const sorted = [...canvas.entries()].toSorted(([a], [b]) => a.localeCompare(b))
  return JSON.stringify({ canvas: sorted, cards: [...getCards(doc).keys()].toSorted() })
}

/** Load a log's updates into a fresh document, as the server does when a room loads. */
export function fingerprintOfLog(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)))
  const fingerprint = contentFingerprint(doc)
  doc.destroy()
  return fingerprint
}
