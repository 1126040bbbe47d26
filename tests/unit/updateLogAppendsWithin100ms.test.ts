import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOG_MAGIC, encodeRecord } from '../../server/storage/logRecords.ts'
import { UpdateLog } from '../../server/storage/updateLog.ts'

// The persistence budget is "every update on disk within 100 ms of arrival". Wall-clock
// budgets belong to `npm run bench`; here fake timers show the mechanism deterministically:
// the batch is started exactly flushIntervalMs (default 50) after the first buffered update.

let dir: string
let fileHandle: FileHandle

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
  // FileHandle is not exported as a class; its prototype is reached through an instance.
  const probe = await open(join(dir, 'probe'), 'w')
  fileHandle = Object.getPrototypeOf(probe) as FileHandle
  await probe.close()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(async () => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

/** Let real I/O progress (setImmediate is not faked) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100_000 && !check(); turn++) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  expect(check()).toBe(true)
}

const update = (n: number) => Uint8Array.from([1, n, 2, n])

describe('UpdateLog batching', () => {
  it('writes the first batch flushIntervalMs after the first append, with one write and one fsync', async () => {
    const { log } = await UpdateLog.open(join(dir, 'board.ylog'))
    const writes = vi.spyOn(fileHandle, 'write')
    const syncs = vi.spyOn(fileHandle, 'sync')

    log.append(update(1))
    await vi.advanceTimersByTimeAsync(30)
    log.append(update(2)) // joins the batch; it does not push the deadline back
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(19)
    expect(writes).not.toHaveBeenCalled()

    await vi.advanceTimersByTimeAsync(1) // 50 ms after the first append, well inside 100 ms
    await until(() => log.recordCount === 2)
    expect(writes).toHaveBeenCalledTimes(1)
    expect(syncs).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)

    const onDisk = await readFile(log.path)
    expect(onDisk).toEqual(
      Buffer.concat([LOG_MAGIC, encodeRecord(update(1)), encodeRecord(update(2))]),
    )
    expect(log.sizeBytes).toBe(onDisk.length)
    await log.close()
  })

  it('honours a custom flushIntervalMs', async () => {
    const { log } = await UpdateLog.open(join(dir, 'board.ylog'), { flushIntervalMs: 10 })
    const writes = vi.spyOn(fileHandle, 'write')
    log.append(update(1))
    await vi.advanceTimersByTimeAsync(9)
    expect(writes).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    await until(() => log.recordCount === 1)
    await log.close()
  })

  it('starts a new batch for appends that arrive while a batch is being written', async () => {
    const { log } = await UpdateLog.open(join(dir, 'board.ylog'), { fsync: false })
    const writes = vi.spyOn(fileHandle, 'write')
    log.append(update(1))
    await vi.advanceTimersByTimeAsync(50)
    log.append(update(2)) // the first batch is in flight now
    expect(vi.getTimerCount()).toBe(1)
    await until(() => log.recordCount === 1)
    await vi.advanceTimersByTimeAsync(50)
    await until(() => log.recordCount === 2)
    expect(writes).toHaveBeenCalledTimes(2)
    await log.close()
  })

  it('leaves no timer running when nothing is pending', async () => {
    const { log } = await UpdateLog.open(join(dir, 'board.ylog'), { fsync: false })
    expect(vi.getTimerCount()).toBe(0)
    log.append(update(1))
    expect(vi.getTimerCount()).toBe(1)
    await log.flush()
    expect(vi.getTimerCount()).toBe(0)
    expect(log.recordCount).toBe(1)
    await log.flush() // nothing pending: no write, no timer
    expect(vi.getTimerCount()).toBe(0)
    await log.close()
  })

  it('close() writes what is buffered, leaves no timer, and makes append() throw', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false })
    log.append(update(1))
    log.append(update(2))
    await log.close()
    expect(vi.getTimerCount()).toBe(0)
    expect(() => log.append(update(3))).toThrow(/closed/)
    await log.close() // closing twice is harmless

    const { log: reopened, updates } = await UpdateLog.open(path)
    expect(updates).toEqual([update(1), update(2)].map((u) => Buffer.from(u)))
    await reopened.close()
  })
})
