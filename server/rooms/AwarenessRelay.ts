import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Stock y-protocols clients renew their state every 15 s and drop peers silent for 30 s. */
export const AWARENESS_OUTDATED_MS = 30_000

/** The socket an awareness update came in on, and the person it was opened for. */
export interface AwarenessSender {
  readonly participantId: string
}

/** One client id's awareness as the room holds it: the bytes its owner sent, not parsed. */
interface Entry {
  clock: number
  /** The entry as it goes on the wire: varuint client id, varuint clock, JSON state string. */
  bytes: Uint8Array
  removed: boolean
  updatedAt: number
  /** The socket that last set it: only that person's sockets may change it. */
  sender: AwarenessSender
}

/** What one incoming entry said, checked before any of them is applied. */
interface IncomingEntry {
  clientId: number
  clock: number
  bytes: Uint8Array
  removed: boolean
}

/**
 * The room's awareness (cursors, names, selections), relayed rather than interpreted. The
 * server has no cursor of its own and never reads a state, so it keeps each client's entry
 * as the bytes it arrived in and forwards them; y-protocols' Awareness would parse every
 * state's JSON on arrival and stringify it again for every broadcast, which was most of the
 * awareness cost with hundreds of cursors moving. The rules are y-protocols' own: a higher
 * clock replaces, an equal clock may only remove, and a removal is sent as the JSON `null`.
 *
 * One rule is the server's: a client id belongs to the person whose socket announced it.
 * y-protocols lets anyone send any client id's state with a higher clock, so a participant
 * could rename someone else in everyone's people list, or remove them for good (a huge
 * clock their own client never reaches). Entries for a client id someone else holds are
 * skipped unread, which also makes the stock provider's echo of everyone's cursors (yjs
 * issue 732) cheap. The same person's new socket takes over their own ids (a reconnect the
 * server has not yet seen the old socket close for).
 */
export class AwarenessRelay {
  private readonly entries = new Map<number, Entry>()
  private readonly pending = new Set<number>()

  /**
   * Apply an update a client sent. The whole update is decoded and every state checked to be
   * JSON first (stock clients JSON.parse what they receive, so bad JSON would break every
   * receiver), so a malformed update throws having changed nothing.
   */
  apply(update: Uint8Array, now: number, sender: AwarenessSender): void {
    const incoming = readEntries(update, (clientId) => this.mayChange(clientId, sender))
    for (const entry of incoming) {
      const current = this.entries.get(entry.clientId)
      const isLive = current !== undefined && !current.removed
      // As y-protocols: an unknown client counts as clock 0.
      const currentClock = current?.clock ?? 0
      const accepted =
        currentClock < entry.clock || (currentClock === entry.clock && entry.removed && isLive)
      // Removing a client nobody holds changes nothing, and is not passed on.
      if (!accepted || (entry.removed && !isLive)) continue
      // A literal, not `{ ...entry, updatedAt, sender }`: V8 (Node 20) takes a slow path for
      // that spread, ~2.4 µs a cursor move, a quarter of what relaying one cost.
      this.entries.set(entry.clientId, {
        clock: entry.clock,
        bytes: entry.bytes,
        removed: entry.removed,
        updatedAt: now,
        sender,
      })
      this.pending.add(entry.clientId)
    }
  }

  /** Someone else's client id is not theirs to change. */
  private mayChange(clientId: number, sender: AwarenessSender): boolean {
    const current = this.entries.get(clientId)
    return current === undefined || current.sender.participantId === sender.participantId
  }

  /**
   * The server removes the states a socket holds when it leaves: state null at the clock it
   * last had, as y-websocket's server does (an equal clock may remove). A clock past it would
   * make every receiver ignore that client's next state too, so someone whose connection
   * dropped would stay invisible after coming back until they had changed it twice. States
   * the same person's newer socket took over are theirs now, and stay.
   */
  removeSentBy(sender: AwarenessSender, now: number): void {
    for (const [clientId, current] of this.entries) {
      if (current.removed || current.sender !== sender) continue
      const clock = current.clock
      this.entries.set(clientId, {
        clock,
        bytes: encodeEntry(clientId, clock, 'null'),
        removed: true,
        updatedAt: now,
        sender,
      })
      this.pending.add(clientId)
    }
  }

  get hasPending(): boolean {
    return this.pending.size > 0
  }

  /**
   * The changes since the last call as one awareness update. Removals are forgotten once
   * sent: every receiver has dropped that client, and keeping them would let a stream of
   * invented client ids grow the room's memory.
   */
  takePending(): Uint8Array | null {
    if (this.pending.size === 0) return null
    const sent: Entry[] = []
    for (const clientId of this.pending) {
      const entry = this.entries.get(clientId)
      if (!entry) continue
      sent.push(entry)
      if (entry.removed) this.entries.delete(clientId)
    }
    this.pending.clear()
    return joinEntries(sent)
  }

  /**
   * Every live state, for a newcomer. States not renewed within the stock clients' timeout
   * are left out and forgotten (their owners' clients already dropped them too).
   */
  snapshot(now: number): Uint8Array | null {
    const live: Entry[] = []
    for (const [clientId, entry] of this.entries) {
      if (entry.removed) continue
      if (now - entry.updatedAt > AWARENESS_OUTDATED_MS && !this.pending.has(clientId)) {
        this.entries.delete(clientId)
        continue
      }
      live.push(entry)
    }
    return live.length > 0 ? joinEntries(live) : null
  }

  /** Client ids with a live state (what a newcomer would be told about). */
  clientIds(): number[] {
    return [...this.entries].filter(([, entry]) => !entry.removed).map(([clientId]) => clientId)
  }
}

/** The entries of an update; those `wanted` refuses are skipped, their state not decoded. */
function readEntries(update: Uint8Array, wanted: (clientId: number) => boolean): IncomingEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: IncomingEntry[] = []
  for (let i = 0; i < count; i++) {
    const start = decoder.pos
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    if (!wanted(clientId)) {
      // Its length is still checked: a truncated update throws as before.
      decoding.readVarUint8Array(decoder)
      continue
    }
    // Parsed only to check it is JSON and whether it is a removal; the value is not kept.
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    entries.push({
      clientId,
      clock,
      bytes: copyOf(update.subarray(start, decoder.pos)),
      removed: state === null,
    })
  }
  return entries
}

/**
 * A copy of an entry's bytes, so the entry does not pin the socket's whole receive buffer.
 * Taken from Node's shared pool: `slice` gives each copy an ArrayBuffer of its own, which
 * took 4 times as long for these ~300 bytes (0.9 against 0.2 µs) and is one more object
 * for the garbage collector to sweep. An entry then keeps its 8 KiB pool slab alive, shared
 * with whatever else was cut from it: at most 8 KiB per person in the room.
 */
function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = Buffer.allocUnsafe(bytes.byteLength)
  copy.set(bytes)
  return copy
}

function encodeEntry(clientId: number, clock: number, state: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, state)
  return encoding.toUint8Array(encoder)
}

function joinEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) encoding.writeUint8Array(encoder, entry.bytes)
  return encoding.toUint8Array(encoder)
}
