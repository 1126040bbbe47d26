import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connectAfterLocalCopy } from '../../client/board/connectAfterLocalCopy.ts'

const WAIT_MS = 1500

/** A promise settled from outside: the local copy loading, or failing to. */
function settledFromOutside() {
  // Assigned by the executor, which runs before the constructor returns.
  let resolve!: (value: unknown) => void
  let reject!: (err: Error) => void
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, load: () => resolve(undefined), fail: (err: Error) => reject(err) }
}

/** A provider that counts its connections, and a local copy that loads when told to. */
function setUp(marks: Map<string, string>) {
  const provider = { connections: 0, connect: () => provider.connections++ }
  const copy = settledFromOutside()
  const local = { name: 'catchball-board1', whenSynced: copy.promise }
  // The page's localStorage, where a board's copy is remembered.
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => marks.get(key) ?? null,
      setItem: (key: string, value: string) => void marks.set(key, value),
    },
  })
  // The document whose listeners wait with the connection (ReceivedUpdateDoc's hold).
  const doc = { holdUpdateListeners: () => () => undefined }
  return { provider, doc, local, load: copy.load, fail: copy.fail }
}

/** Let the copy's promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the sockets of a board page', () => {
  it('connect at once in a browser that never held the board, which is remembered once its copy loads', async () => {
    const marks = new Map<string, string>()
    const { provider, doc, local, load } = setUp(marks)

    connectAfterLocalCopy(provider, doc, local, WAIT_MS)
    expect(provider.connections).toBe(1)

    load()
    await settle()
    expect(provider.connections).toBe(1)
    expect(marks.get('catchball-local-copy:catchball-board1')).toBe('1')
  })

  it('wait for the local copy of a board this browser holds, then connect once', async () => {
    const marks = new Map([['catchball-local-copy:catchball-board1', '1']])
    const { provider, doc, local, load } = setUp(marks)

    connectAfterLocalCopy(provider, doc, local, WAIT_MS)
    await vi.advanceTimersByTimeAsync(WAIT_MS - 100)
    expect(provider.connections).toBe(0)

    load()
    await settle()
    expect(provider.connections).toBe(1)
    await vi.advanceTimersByTimeAsync(WAIT_MS)
    expect(provider.connections).toBe(1)
  })

  it('connect anyway when the local copy is slow, or fails to load', async () => {
    const marks = new Map([['catchball-local-copy:catchball-board1', '1']])
    const slow = setUp(marks)
    connectAfterLocalCopy(slow.provider, slow.doc, slow.local, WAIT_MS)
    await vi.advanceTimersByTimeAsync(WAIT_MS)
    expect(slow.provider.connections).toBe(1)
    slow.load()
    await settle()
    expect(slow.provider.connections).toBe(1)

    const failing = setUp(marks)
    connectAfterLocalCopy(failing.provider, failing.doc, failing.local, WAIT_MS)
    failing.fail(new Error('IndexedDB blocked'))
    await settle()
    expect(failing.provider.connections).toBe(1)
  })

  it('in a browser that never held the board, connect once the document is downloaded, not when the empty copy opens', async () => {
    const marks = new Map<string, string>()
    const { provider, doc, local, load } = setUp(marks)
    const download = settledFromOutside()

    connectAfterLocalCopy(provider, doc, local, WAIT_MS, () => download.promise)
    // The empty database opening first must not connect: the socket would ask for the whole
    // board the download is bringing.
    load()
    await settle()
    expect(provider.connections).toBe(0)

    download.load()
    await settle()
    expect(provider.connections).toBe(1)
  })

  it('connect anyway when the download fails, and never on a known board', async () => {
    const failing = setUp(new Map<string, string>())
    const download = settledFromOutside()
    connectAfterLocalCopy(
      failing.provider,
      failing.doc,
      failing.local,
      WAIT_MS,
      () => download.promise,
    )
    download.fail(new Error('offline'))
    await settle()
    expect(failing.provider.connections).toBe(1)

    const known = setUp(new Map([['catchball-local-copy:catchball-board1', '1']]))
    let downloads = 0
    connectAfterLocalCopy(known.provider, known.doc, known.local, WAIT_MS, async () => downloads++)
    known.load()
    await settle()
    expect(known.provider.connections).toBe(1)
    expect(downloads).toBe(0)
  })

  it('do not connect once the page has closed', async () => {
    const marks = new Map([['catchball-local-copy:catchball-board1', '1']])
    const { provider, doc, local, load } = setUp(marks)

    const cancel = connectAfterLocalCopy(provider, doc, local, WAIT_MS)
    cancel()
    load()
    await vi.advanceTimersByTimeAsync(WAIT_MS)
    expect(provider.connections).toBe(0)
  })

  it('connect at once when storage cannot be read', () => {
    const { provider, doc, local } = setUp(new Map())
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError')
      },
    })

    connectAfterLocalCopy(provider, doc, local, WAIT_MS)
    expect(provider.connections).toBe(1)
  })
})
