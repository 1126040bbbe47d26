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
  /** What was compressed (weakly: the room may drop its whole state meanwhile). */
  update: WeakRef<Uint8Array>
  body: Promise<Buffer>
}

/**
 * A room's whole state compressed for downloads, by encoding. The room hands out the whole
 * state it keeps for newcomers (NewcomerState), the same object until it is made again, so
 * that is compressed once and given to every newcomer until then. Even when it has been made
 * again, a body is given out for `reuseMs` after it was made: a newcomer's socket syncs what
 * changed since, so a state a moment old costs them a few bytes, while compressing again
 * after every large change would cost the server ~16 ms per newcomer when a whole workshop
 * joins during its first edits (an import, say).
 */
export class CompressedStateCache {
  private readonly states = new Map<StateEncoding, CachedState>()

  constructor(
    private readonly reuseMs = 2_000,
    private readonly compress: typeof compressState = compressState,
  ) {}

  /** `whole` gives the room's whole state; it is not called within `reuseMs` of a body. */
  get(encoding: StateEncoding, now: number, whole: () => Uint8Array): Promise<Buffer> {
    const cached = this.states.get(encoding)
    if (cached && now - cached.made < this.reuseMs) return cached.body
    const update = whole()
    if (cached?.update.deref() === update) return cached.body
    const state: CachedState = {
      made: now,
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

  clear(): void {
    this.states.clear()
  }
}
