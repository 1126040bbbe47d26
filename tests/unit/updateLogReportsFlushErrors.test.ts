import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UpdateLog, readLogFile } from '../../server/storage/updateLog.ts'

let dir: string
let fileHandle: FileHandle

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
  // FileHandle is not exported as a class; its prototype is reached through an instance.
  const probe = await open(join(dir, 'probe'), 'w')
  fileHandle = Object.getPrototypeOf(probe) as FileHandle
  await probe.close()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
const update = (n: number) => Uint8Array.from([n, 0, n])
const asArrays = (updates: Uint8Array[]) => updates.map((u) => Array.from(u))

type Write = (this: FileHandle, ...args: unknown[]) => Promise<{ bytesWritten: number }>

/** The next write lands only its first half on disk, then fails: a torn write. */
function failNextWriteHalfway(): void {
  const real = fileHandle.write as unknown as Write
  let failed = false
  const tornWrite: Write = async function (...args) {
    if (failed) return real.apply(this, args)
    failed = true
    const [bytes, offset, length, position] = args as [Uint8Array, number, number, number]
    await real.apply(this, [bytes, offset, Math.floor(length / 2), position])
    throw diskFull()
  }
  vi.spyOn(fileHandle, 'write').mockImplementation(tornWrite as unknown as FileHandle['write'])
}

async function recordsOnDisk(path: string) {
  return readLogFile(await readFile(path))
}

describe('UpdateLog I/O errors', () => {
  it('reports a failed background flush through onError and retries it', async () => {
    const path = join(dir, 'board.ylog')
    const onError = vi.fn()
    const { log } = await UpdateLog.open(path, { flushIntervalMs: 5, fsync: false, onError })
    vi.spyOn(fileHandle, 'write').mockRejectedValueOnce(diskFull())

    log.append(update(1))
    log.append(update(2))
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0][0]).toMatchObject({ code: 'ENOSPC' })
    await vi.waitFor(() => expect(log.recordCount).toBe(2)) // the retry, without any flush() call

    expect(asArrays((await recordsOnDisk(path)).updates)).toEqual(asArrays([update(1), update(2)]))
    await log.close()
  })

  it('cuts off a torn batch before retrying, so the file never holds damage', async () => {
    const path = join(dir, 'board.ylog')
    const onError = vi.fn()
    const { log } = await UpdateLog.open(path, { flushIntervalMs: 5, fsync: false, onError })
    log.append(update(1))
    await log.flush()

    failNextWriteHalfway()
    log.append(update(2))
    log.append(update(3))
    await vi.waitFor(() => expect(onError).toHaveBeenCalled())
    log.append(update(4))
    await vi.waitFor(() => expect(log.recordCount).toBe(4))
    await log.close()

    const onDisk = await recordsOnDisk(path)
    expect(onDisk.tornTailBytes).toBe(0)
    expect(asArrays(onDisk.updates)).toEqual(asArrays([1, 2, 3, 4].map(update)))
  })

  it('rejects an explicit flush() but keeps the batch for the next one', async () => {
    const path = join(dir, 'board.ylog')
    const onError = vi.fn()
    const { log } = await UpdateLog.open(path, { fsync: false, onError })
    vi.spyOn(fileHandle, 'write').mockRejectedValueOnce(diskFull())
    log.append(update(1))
    await expect(log.flush()).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(onError).not.toHaveBeenCalled() // the caller got the error
    await log.flush()
    expect(log.recordCount).toBe(1)
    await log.close()
  })

  it('survives an onError handler that throws', async () => {
    const path = join(dir, 'board.ylog')
    const onError = vi.fn(() => {
      throw new Error('logger broke')
    })
    const { log } = await UpdateLog.open(path, { flushIntervalMs: 5, fsync: false, onError })
    vi.spyOn(fileHandle, 'write').mockRejectedValueOnce(diskFull())
    log.append(update(1))
    await vi.waitFor(() => expect(log.recordCount).toBe(1))
    expect(onError).toHaveBeenCalledTimes(1)
    await log.close()
  })
})
