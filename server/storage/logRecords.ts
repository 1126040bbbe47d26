import { crc32 } from 'node:zlib'

/**
 * The binary format of a board's Yjs update log, with no I/O:
 *
 *   header  8 bytes  'CBYLOG01'
 *   record  u32 LE payload length | u32 LE CRC32 of the payload | payload (one Yjs update)
 *   record  …
 *
 * Records are only ever appended, so a crash can damage only the end of the file. The reader
 * therefore tells a torn tail (safe to drop: it was never acknowledged as written) from damage
 * in the middle (never dropped automatically: good records may follow it).
 */

export const LOG_MAGIC = Buffer.from('CBYLOG01', 'ascii')
export const HEADER_BYTES = LOG_MAGIC.length
export const RECORD_HEADER_BYTES = 8

/** Past this much CRC work, the torn-tail check gives up and refuses rather than guess. */
const RESYNC_BUDGET_BYTES = 256 * 1024 * 1024

export class CorruptLogError extends Error {
  readonly code = 'LOG_CORRUPT'

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`)
    this.name = 'CorruptLogError'
  }
}

/** One record (length, CRC, a copy of the payload), ready to be written. */
export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length)
  record.writeUInt32LE(payload.length, 0)
  record.writeUInt32LE(crc32(payload), 4)
  record.set(payload, RECORD_HEADER_BYTES)
  return record
}

export interface ParsedLog {
  /** Payloads of the good records, in order. They are views into the bytes that were read. */
  updates: Uint8Array[]
  /** Bytes of a damaged last record that the reader skipped (0 if the file ends cleanly). */
  tornTailBytes: number
}

type RecordAt =
  | { kind: 'good'; payload: Uint8Array; end: number }
  | { kind: 'partialHeader' }
  | { kind: 'pastEof' }
  | { kind: 'badPayload'; end: number }

/**
 * Parse a whole log file. Throws CorruptLogError for a bad header or for a bad record that has
 * more data after it; a bad record at the very end is reported as `tornTailBytes` instead.
 */
export function readLogFile(bytes: Uint8Array, path = '(in memory)'): ParsedLog {
  if (!hasMagic(bytes)) throw new CorruptLogError(path, 'not an update log (bad header)')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const updates: Uint8Array[] = []
  let offset = HEADER_BYTES
  while (offset < bytes.length) {
    const record = recordAt(bytes, view, offset)
    if (record.kind === 'good') {
      updates.push(record.payload)
      offset = record.end
      continue
    }
    checkTailIsTorn(bytes, view, offset, record, path)
    return { updates, tornTailBytes: bytes.length - offset }
  }
  return { updates, tornTailBytes: 0 }
}

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES) return false
  return LOG_MAGIC.every((byte, i) => bytes[i] === byte)
}

function recordAt(bytes: Uint8Array, view: DataView, offset: number): RecordAt {
  if (bytes.length - offset < RECORD_HEADER_BYTES) return { kind: 'partialHeader' }
  const length = view.getUint32(offset, true)
  const end = offset + RECORD_HEADER_BYTES + length
  if (end > bytes.length) return { kind: 'pastEof' }
  const payload = bytes.subarray(offset + RECORD_HEADER_BYTES, end)
  // A Yjs update is never empty, and zero-filled space (what some filesystems leave after a
  // crash) would otherwise read as valid empty records, since CRC32 of nothing is 0.
  if (length === 0 || crc32(payload) !== view.getUint32(offset + 4, true)) {
    return { kind: 'badPayload', end }
  }
  return { kind: 'good', payload, end }
}

/**
 * A bad record is a torn tail only if dropping it cannot lose good data. Throws otherwise, so
 * the caller never rewrites the file.
 */
function checkTailIsTorn(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  record: Exclude<RecordAt, { kind: 'good' }>,
  path: string,
): void {
  if (record.kind === 'partialHeader') return
  if (record.kind === 'badPayload') {
    // A failed CRC is torn only when it is the last thing in the file, or when everything
    // after it is zeros (space a crash allocated but never filled: it holds no data).
    if (record.end === bytes.length || isAllZero(bytes, record.end)) return
    throw new CorruptLogError(
      path,
      `bad record at byte ${offset}, followed by ${bytes.length - record.end} more bytes`,
    )
  }
  // The length runs past the end of the file. That is what an interrupted append looks like,
  // but also what a damaged length field in the middle looks like: if a good record can be
  // found further on, the damage is in the middle and the rest must not be dropped.
  const found = findGoodRecordAfter(bytes, view, offset)
  if (found === 'none') return
  const why = found === 'gaveUp' ? 'too large to check' : `a good record follows at byte ${found}`
  throw new CorruptLogError(
    path,
    `record at byte ${offset} runs past the end of the file, but it is not a torn tail (${why})`,
  )
}

function isAllZero(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0) return false
  return true
}

/** The offset of the first CRC-valid record starting after `offset`, or 'none' / 'gaveUp'. */
function findGoodRecordAfter(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
): number | 'none' | 'gaveUp' {
  let budget = RESYNC_BUDGET_BYTES
  for (let at = offset + 1; at + RECORD_HEADER_BYTES < bytes.length; at++) {
    const length = view.getUint32(at, true)
    const end = at + RECORD_HEADER_BYTES + length
    if (length === 0 || end > bytes.length) continue
    budget -= length
    if (budget < 0) return 'gaveUp'
    const payload = bytes.subarray(at + RECORD_HEADER_BYTES, end)
    if (crc32(payload) === view.getUint32(at + 4, true)) return at
  }
  return 'none'
}
