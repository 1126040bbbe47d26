import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { seededRandom } from './seededRandom.ts'
import { yjsHangPayloads } from './yjsHangPayloads.ts'

/**
 * The frames a hostile or broken client may send on /yjs/: the empty frame, seeded random
 * byte strings shaped to reach each decoder, every truncation of a valid update, and the
 * payloads that hung Yjs' decoder. Shared by the integration test and the bench.
 */
export interface CorpusFrame {
  what: string
  bytes: Uint8Array
}

const SYNC = 0
const AWARENESS = 1

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, SYNC)
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint8Array(e, payload)
  })

/** A document update as the stock provider sends one (sync message, type 2). */
export const updateFrame = (update: Uint8Array) => syncFrame(2, update)

const awarenessFrame = (payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, AWARENESS)
    encoding.writeVarUint8Array(e, payload)
  })

/** Each kind of random frame, picked with the weights below. */
const KINDS: { weight: number; make: (random: () => number) => CorpusFrame }[] = [
  // Raw noise: most start with a byte ≥ 2, an unknown message type, which must be ignored.
  { weight: 20, make: (r) => ({ what: 'random bytes', bytes: noise(r, 1 + int(r, 512)) }) },
  // Sync step 2 / update with a correct length prefix: reaches Y.decodeUpdate.
  {
    weight: 25,
    make: (r) => ({
      what: 'random update',
      bytes: syncFrame(1 + int(r, 2), noise(r, int(r, 500))),
    }),
  },
  // An update whose header is plausible (few clients, few structs) so decoding goes deeper.
  {
    weight: 15,
    make: (r) => ({ what: 'shaped update', bytes: syncFrame(1 + int(r, 2), shaped(r)) }),
  },
  // Sync step 1: reaches the state vector decoder.
  {
    weight: 10,
    make: (r) => ({ what: 'random step 1', bytes: syncFrame(0, noise(r, int(r, 64))) }),
  },
  // Awareness, noise and shaped (count, client id, clock, then a string that is rarely JSON).
  {
    weight: 10,
    make: (r) => ({ what: 'random awareness', bytes: awarenessFrame(noise(r, int(r, 500))) }),
  },
  {
    weight: 10,
    make: (r) => ({ what: 'shaped awareness', bytes: awarenessFrame(shapedAwareness(r)) }),
  },
  // A length prefix larger than what follows.
  {
    weight: 5,
    make: (r) => {
      const bytes = syncFrame(2, noise(r, 8 + int(r, 400)))
      return { what: 'short update', bytes: bytes.slice(0, bytes.length - 1 - int(r, 8)) }
    },
  },
  // A sync sub-type other than 0, 1, 2.
  {
    weight: 5,
    make: (r) => ({
      what: 'unknown sync type',
      bytes: syncFrame(3 + int(r, 200), noise(r, int(r, 64))),
    }),
  },
]

const int = (random: () => number, below: number) => Math.floor(random() * below)
const noise = (random: () => number, length: number) =>
  Uint8Array.from({ length }, () => int(random, 256))

function shaped(random: () => number): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1 + int(random, 3)) // clients
    encoding.writeVarUint(e, 1 + int(random, 4)) // structs of the first client
    encoding.writeVarUint(e, int(random, 2 ** 31)) // client id
    encoding.writeVarUint(e, 0) // clock
    encoding.writeUint8Array(e, noise(random, int(random, 400)))
  })
}

/**
 * Count, then entries (client id, clock, state). Half start with a well-formed entry, so a
 * server that applied entries one by one would keep that state when a later entry fails.
 */
function shapedAwareness(random: () => number): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1 + int(random, 3))
    if (random() < 0.5) {
      encoding.writeVarUint(e, int(random, 2 ** 31))
      encoding.writeVarUint(e, 1 + int(random, 1000))
      encoding.writeVarString(e, JSON.stringify({ user: { name: `ghost ${int(random, 1000)}` } }))
    }
    encoding.writeVarUint(e, int(random, 2 ** 31))
    encoding.writeVarUint(e, 1 + int(random, 1000))
    encoding.writeVarString(e, new TextDecoder().decode(noise(random, int(random, 200))))
    encoding.writeUint8Array(e, noise(random, int(random, 100)))
  })
}

/** `count` seeded random frames of 1 to ~512 bytes, shaped to reach every decoder. */
export function randomFrames(seed: number, count: number): CorpusFrame[] {
  const random = seededRandom(seed)
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0)
  return Array.from({ length: count }, () => {
    let ticket = random() * total
    const kind = KINDS.find((k) => (ticket -= k.weight) < 0) ?? KINDS[0]
    return kind.make(random)
  })
}

/** A small valid update with a map, text, an insertion and a deletion. */
export function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('cards').set('x', new Y.Map())
  doc.getText('t').insert(0, 'hello world')
  doc.getText('t').delete(0, 3)
  return Y.encodeStateAsUpdate(doc)
}

/** Every proper prefix of a valid update, as an update frame (each one is undecodable). */
export function truncatedUpdateFrames(): CorpusFrame[] {
  const update = sampleUpdate()
  return Array.from({ length: update.length }, (_, length) => ({
    what: `update truncated to ${length} bytes`,
    bytes: updateFrame(update.slice(0, length)),
  }))
}

/** The hang payloads as sync step 2 and update frames, and as state vector and awareness. */
export function hangPayloadFrames(): CorpusFrame[] {
  return yjsHangPayloads.flatMap(({ name, update }) => [
    { what: `${name} as sync step 2`, bytes: syncFrame(1, update) },
    { what: `${name} as update`, bytes: updateFrame(update) },
    { what: `${name} as state vector`, bytes: syncFrame(0, update) },
    { what: `${name} as awareness`, bytes: awarenessFrame(update) },
  ])
}

/** The whole corpus, in a fixed order. */
export function malformedCorpus(seed = 20_250_105, randomCount = 10_000): CorpusFrame[] {
  return [
    { what: 'empty frame', bytes: new Uint8Array(0) },
    ...randomFrames(seed, randomCount),
    ...truncatedUpdateFrames(),
    ...hangPayloadFrames(),
  ]
}

/**
 * What the contract says the server does with a frame, decided here without the server's
 * code: 'closed' (4400) when it cannot be decoded to the end of what the server reads, else
 * 'open' (applied, answered or, for message types other than 0 and 1, ignored).
 */
export function expectedOutcome(bytes: Uint8Array): 'closed' | 'open' {
  try {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === SYNC) {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === 0) Y.decodeStateVector(payload)
      else if (syncType === 1 || syncType === 2) Y.decodeUpdate(payload)
      else return 'closed'
    } else if (type === AWARENESS) {
      readAwareness(decoding.readVarUint8Array(decoder))
    }
    return 'open'
  } catch {
    return 'closed'
  }
}

/** y-protocols' awareness update layout: count, then client id, clock and JSON state. */
function readAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    JSON.parse(decoding.readVarString(decoder))
  }
}
