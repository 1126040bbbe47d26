import { promisify } from 'node:util'
import { negotiate } from '@fastify/accept-negotiator'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'

/** How a board's whole document goes to a newcomer over HTTP. */
export type StateEncoding = 'br' | 'gzip'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * The encoding for a client's `Accept-Encoding` (@fastify/accept-negotiator, as
 * @fastify/static uses for the build's files): brotli (a 1,000-card board's 827 KiB as
 * ~80 KiB, in ~16 ms) or gzip (~110 KiB, ~7 ms) as the client prefers, else none. Names
 * are compared without case (RFC 9110); `q=0` refuses one.
 */
export function pickStateEncoding(acceptEncoding: string | undefined): StateEncoding | null {
  if (!acceptEncoding) return null
  return negotiate(acceptEncoding.toLowerCase(), STATE_ENCODINGS) as StateEncoding | null
}

const STATE_ENCODINGS: StateEncoding[] = ['br', 'gzip']

/** Compressed off the event loop (zlib's thread pool): a room's other sockets go on. */
export function compressState(update: Uint8Array, encoding: StateEncoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(update, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 5,
          [zlib.BROTLI_PARAM_SIZE_HINT]: update.byteLength,
        },
      })
    : gzipAsync(update, { level: 6 })
}

interface CachedState {
  made: number
  /** The document changed after it was made. */
  changed: boolean
  /** What was compressed (weakly: the room's whole state may be dropped meanwhile). */
  update: WeakRef<Uint8Array>
  body: Promise<Buffer>
}

/**
 * A room's document compressed for downloads, by encoding. Made once and given to every
 * newcomer who asks until the document changes, and even then for `reuseMs` after it was
 * made: a newcomer's socket syncs what changed since, so a state a moment old costs them a
 * few bytes, while compressing again on every edit would cost the server ~16 ms per
 * newcomer when a whole workshop joins during its first edits. Nor is the same update
 * compressed twice: the room hands out the whole state it keeps for newcomers, which
 * outlives small changes.
 */
export class CompressedStateCache {
  private readonly states = new Map<StateEncoding, CachedState>()

  constructor(
    private readonly reuseMs = 2_000,
    private readonly compress: typeof compressState = compressState,
  ) {}

  get(encoding: StateEncoding, now: number, encode: () => Uint8Array): Promise<Buffer> {
    const cached = this.states.get(encoding)
    if (cached && (!cached.changed || now - cached.made < this.reuseMs)) return cached.body
    const update = encode()
    if (cached?.update.deref() === update) {
      cached.changed = false
      return cached.body
    }
    const state: CachedState = {
      made: now,
      changed: false,
      update: new WeakRef(update),
      body: this.compress(update, encoding),
    }
    this.states.set(encoding, state)
    // A failure is not kept: the next newcomer tries again.
    state.body.catch(() => {
      if (this.states.get(encoding) === state) this.states.delete(encoding)
    })
    return state.body
  }

  documentChanged(): void {
    for (const state of this.states.values()) state.changed = true
  }

  clear(): void {
    this.states.clear()
  }
}
