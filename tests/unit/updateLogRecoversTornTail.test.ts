import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOG_MAGIC, encodeRecord } from '../../server/storage/logRecords.ts'
import { UpdateLog, readLogFile } from '../../server/storage/updateLog.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const payloads = [1, 2, 3].map((n) => Uint8Array.from({ length: 20 + n }, (_, i) => (i * n) % 251))
const goodPrefix = Buffer.concat([LOG_MAGIC, ...payloads.map(encodeRecord)])
const nextRecord = encodeRecord(Uint8Array.from({ length: 40 }, (_, i) => i + 1))

function flipLastByte(record: Buffer): Buffer {
  const copy = Buffer.from(record)
  copy[copy.length - 1] ^= 0xff
  return copy
}

// What an append interrupted by a crash can leave after the last good record.
const tornTails: Array<[string, Buffer]> = [
  ['a record whose length runs past the end of the file', nextRecord.subarray(0, 20)],
  ['a partial length/CRC header', nextRecord.subarray(0, 5)],
  ['a final record whose CRC fails', flipLastByte(nextRecord)],
  ['zeros that a crash allocated but never filled', Buffer.alloc(4096)],
]

const asArrays = (updates: Uint8Array[]) => updates.map((u) => Array.from(u))

describe('UpdateLog recovery of a torn tail', () => {
  it.each(tornTails)('keeps the good records before %s', async (_, tail) => {
    const path = join(dir, 'board.ylog')
    const original = Buffer.concat([goodPrefix, tail])
    await writeFile(path, original)

    const { log, updates, report } = await UpdateLog.open(path, { fsync: false })

    expect(asArrays(updates)).toEqual(asArrays(payloads))
    expect(report.records).toBe(3)
    expect(report.tornTailBytes).toBe(tail.length)
    // The original is preserved byte for byte, next to the log.
    expect(report.backupPath).toMatch(/board\.ylog\.torn-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/)
    expect(await readFile(report.backupPath as string)).toEqual(original)
    // The log itself now holds exactly the good records, and nothing was left half-done.
    expect(await readFile(path)).toEqual(goodPrefix)
    expect(log.sizeBytes).toBe(goodPrefix.length)
    expect(log.recordCount).toBe(3)
    expect((await readdir(dir)).toSorted()).toEqual([
      'board.ylog',
      basename(report.backupPath as string),
    ])

    // New appends go after the good records, and the next open is clean.
    log.append(Uint8Array.from([9, 9, 9]))
    await log.close()
    const again = await UpdateLog.open(path)
    expect(asArrays(again.updates)).toEqual([...asArrays(payloads), [9, 9, 9]])
    expect(again.report).toEqual({ records: 4, tornTailBytes: 0, backupPath: null })
    await again.log.close()
  })

  it('readLogFile reports the torn bytes without touching anything', () => {
    for (const [, tail] of tornTails) {
      const parsed = readLogFile(Buffer.concat([goodPrefix, tail]))
      expect(asArrays(parsed.updates)).toEqual(asArrays(payloads))
      expect(parsed.tornTailBytes).toBe(tail.length)
    }
    expect(readLogFile(goodPrefix).tornTailBytes).toBe(0)
    expect(readLogFile(LOG_MAGIC)).toEqual({ updates: [], tornTailBytes: 0 })
  })

  it('treats a file whose only record is torn as an empty log', async () => {
    const path = join(dir, 'board.ylog')
    await writeFile(path, Buffer.concat([LOG_MAGIC, nextRecord.subarray(0, 30)]))
    const { log, updates, report } = await UpdateLog.open(path, { fsync: false })
    expect(updates).toEqual([])
    expect(report.tornTailBytes).toBe(30)
    expect(await readFile(path)).toEqual(LOG_MAGIC)
    await log.close()
  })
})
