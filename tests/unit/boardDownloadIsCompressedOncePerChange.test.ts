import { describe, expect, it } from 'vitest'
import { CompressedStateCache, pickStateEncoding } from '../../server/rooms/stateDownload.ts'

/** A cache whose compression counts its calls and returns the bytes it was given. */
function counting(reuseMs = 2_000) {
  const calls: string[] = []
  const cache = new CompressedStateCache(reuseMs, async (update, encoding) => {
    calls.push(`${encoding}:${new TextDecoder().decode(update)}`)
    return Buffer.from(update)
  })
  return { cache, calls }
}

/** A new state each time it is asked for: the room made its whole state again. */
const state = (text: string) => () => new TextEncoder().encode(text)

/** The same state each time: the whole state the room keeps, while it keeps it. */
function kept(text: string) {
  const update = new TextEncoder().encode(text)
  return () => update
}

describe("a board's document compressed for newcomers' downloads", () => {
  it('is compressed once for everyone who asks while the document does not change', async () => {
    const { cache, calls } = counting()
    const v1 = kept('v1')
    for (let i = 0; i < 50; i++) await cache.get('br', 1_000 + i * 60_000, v1)
    expect(calls).toEqual(['br:v1'])
    await cache.get('gzip', 1_000, v1)
    expect(calls).toEqual(['br:v1', 'gzip:v1'])
  })

  it('after a change, is reused for 2 s from when it was made, then made again', async () => {
    const { cache, calls } = counting()
    await cache.get('br', 10_000, state('v1'))
    // A moment old: the newcomer's socket syncs the change.
    expect((await cache.get('br', 11_999, state('v2'))).toString()).toBe('v1')
    expect((await cache.get('br', 12_000, state('v2'))).toString()).toBe('v2')
    expect(calls).toEqual(['br:v1', 'br:v2'])
  })

  it('is not compressed again when the state handed to it is the one it compressed', async () => {
    const { cache, calls } = counting()
    // The room's whole state for newcomers outlives small changes: the same object.
    const v1 = kept('v1')
    await cache.get('br', 0, v1)
    expect((await cache.get('br', 5_000, v1)).toString()).toBe('v1')
    expect(calls).toEqual(['br:v1'])
    expect((await cache.get('br', 10_000, state('v2'))).toString()).toBe('v2')
    expect(calls).toEqual(['br:v1', 'br:v2'])
  })

  it('is not kept when compressing failed, nor after the room closed', async () => {
    let fail = true
    const calls: number[] = []
    const cache = new CompressedStateCache(2_000, async (update) => {
      calls.push(update.length)
      if (fail) throw new Error('out of memory')
      return Buffer.from(update)
    })
    await expect(cache.get('br', 0, state('v1'))).rejects.toThrow('out of memory')
    fail = false
    await expect(cache.get('br', 1, state('v1'))).resolves.toBeInstanceOf(Buffer)
    cache.clear()
    await cache.get('br', 2, state('v1'))
    expect(calls).toHaveLength(3)
  })
})

describe('the encoding a download goes in', () => {
  it('is brotli when accepted, else gzip, else none; q=0 refuses', () => {
    expect(pickStateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(pickStateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(pickStateEncoding('GZIP')).toBe('gzip')
    expect(pickStateEncoding('identity')).toBeNull()
    expect(pickStateEncoding(undefined)).toBeNull()
    expect(pickStateEncoding('br;q=0, gzip;q=0.0')).toBeNull()
  })
})
