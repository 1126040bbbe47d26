import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The y-websocket wire protocol as the load generator speaks it: a protocol-level client,
 * not the stock WebsocketProvider. Messages are encoded and decoded with lib0 exactly as
 * y-protocols does (sync: 0 + step1/step2/update; awareness: 1 + an awareness update), so
 * the servers under test cannot tell the difference. Receivers do not apply what they get
 * to a Y.Doc: they read the sender's timestamp out of it, which keeps the harness cheap
 * enough not to be the bottleneck.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/** Milliseconds on the monotonic clock shared by every thread of the process (µs precision). */
export const clockMs = () => Number(process.hrtime.bigint() / 1000n) / 1000

export function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** An empty document's update, what a reader answers the server's sync step 1 with. */
export const EMPTY_UPDATE = new Uint8Array([0, 0])
/** An empty state vector: "send me everything". */
export const EMPTY_STATE_VECTOR = new Uint8Array([0])

/**
 * One awareness message holding one client's state, byte for byte what y-protocols'
 * encodeAwarenessUpdate writes: count, then clientID, clock and the state as JSON.
 */
export function encodeAwarenessMessage(clientId: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, json)
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/**
 * A realistic presence state (the fields client/board/presenceState.ts publishes), with the
 * bench's sequence number `s` and send time `t` first so a receiver can read them cheaply.
 */
export function presenceJson(seq: number, sentAt: number, index: number, x: number, y: number) {
  return JSON.stringify({
    s: seq,
    t: sentAt,
    user: { id: `p${index}`, name: `Bench ${index}`, color: '#4f7cff', role: 'participant' },
    cursor: { x, y },
    pageId: 'page:page',
    viewport: { x: x - 600, y: y - 400, w: 1200, h: 800 },
    selectedShapeIds: [],
    editingCardId: null,
    lastActivity: Date.now(),
  })
}

export type Message =
  | { kind: 'syncStep1'; payload: Uint8Array }
  | { kind: 'syncStep2' | 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'other' }

export function decodeMessage(data: Uint8Array): Message {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE_AWARENESS) {
    return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) }
  }
  if (type !== MESSAGE_SYNC) return { kind: 'other' }
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (syncType === SYNC_STEP1) return { kind: 'syncStep1', payload }
  if (syncType === SYNC_STEP2) return { kind: 'syncStep2', payload }
  return { kind: 'update', payload }
}

const PREFIX = [0x7b, 0x22, 0x73, 0x22, 0x3a] // {"s":
const T_KEY = [0x2c, 0x22, 0x74, 0x22, 0x3a] // ,"t":
const DOT = 0x2e
const ZERO = 0x30

function hasBytes(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false
  return true
}

/**
 * A non-negative decimal as JSON.stringify writes it (digits, optional '.' and digits) at
 * bytes[at..]; returns [value, end] or [NaN, at] when there is none. No allocation: this
 * runs a few hundred thousand times a second in the big room.
 */
function readDecimal(bytes: Uint8Array, at: number, end: number): [number, number] {
  let value = 0
  let i = at
  while (i < end && bytes[i] >= ZERO && bytes[i] <= ZERO + 9) value = value * 10 + bytes[i++] - ZERO
  if (i === at) return [Number.NaN, at]
  if (bytes[i] === DOT) {
    let scale = 0.1
    for (i++; i < end && bytes[i] >= ZERO && bytes[i] <= ZERO + 9; i++, scale /= 10) {
      value += (bytes[i] - ZERO) * scale
    }
  }
  return [value, i]
}

/**
 * Visit every entry of an awareness update: (clientId, seq, sentAt). The state's `s` and `t`
 * are read from its first bytes, without JSON.parse; a state of another shape (or null, a
 * client leaving) is reported with seq -1.
 */
export function forEachAwarenessEntry(
  update: Uint8Array,
  visit: (clientId: number, seq: number, sentAt: number) => void,
): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let n = 0; n < count; n++) {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // clock
    const length = decoding.readVarUint(decoder)
    const start = decoder.pos
    const end = start + length
    decoder.pos = end
    let seq = -1
    let sentAt = 0
    if (length > 12 && hasBytes(update, start, PREFIX)) {
      const [s, afterSeq] = readDecimal(update, start + PREFIX.length, end)
      if (hasBytes(update, afterSeq, T_KEY)) {
        const [t] = readDecimal(update, afterSeq + T_KEY.length, end)
        if (Number.isFinite(s) && Number.isFinite(t)) [seq, sentAt] = [s, t]
      }
    }
    visit(clientId, seq, sentAt)
  }
}

/**
 * Document edits carry a stamp `~B<writer>.<seq>@<sentAt>~` in a card field written in the
 * same transaction as the edit. Yjs stores a string value as UTF-8 inside the update, so a
 * receiver finds the stamps by scanning the bytes (an update may hold several).
 */
export const stampOf = (writer: number, seq: number, sentAt: number) =>
  `~B${writer}.${seq}@${sentAt}~`

const TILDE = 0x7e

export function forEachStamp(
  update: Uint8Array,
  visit: (writer: number, seq: number, sentAt: number) => void,
): void {
  const buffer = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
  let at = buffer.indexOf('~B')
  while (at !== -1) {
    const end = buffer.indexOf(TILDE, at + 2)
    if (end === -1) return
    const text = buffer.toString('latin1', at + 2, end)
    const match = /^(\d+)\.(\d+)@([\d.]+)$/.exec(text)
    if (match) visit(Number(match[1]), Number(match[2]), Number(match[3]))
    at = buffer.indexOf('~B', end + 1)
  }
}
