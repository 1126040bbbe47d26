import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOG_MAGIC, encodeRecord } from '../../server/storage/logRecords.ts'
import { CorruptLogError, UpdateLog, readLogFile } from '../../server/storage/updateLog.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const records = [1, 2, 3, 4].map((n) =>
  encodeRecord(Uint8Array.from({ length: 30 + n }, (_, i) => (i + n) % 256)),
)

/** The four records with record `index` replaced by `damaged`. */
function withDamagedRecord(index: number, damage: (record: Buffer) => Buffer): Buffer {
  return Buffer.concat([LOG_MAGIC, ...records.map((r, i) => (i === index ? damage(r) : r))])
}

function flipByte(at: number) {
  return (record: Buffer) => {
    const copy = Buffer.from(record)
    copy[at] ^= 0x40
    return copy
  }
}

const corruptFiles: Array<[string, Buffer]> = [
  ['a wrong magic', Buffer.concat([Buffer.from('CBYLOG02'), ...records])],
  ['a header cut short', LOG_MAGIC.subarray(0, 5)],
  ['an empty file', Buffer.alloc(0)],
  ['a bad CRC in the second of four records', withDamagedRecord(1, flipByte(12))],
  ['a damaged CRC field in the third record', withDamagedRecord(2, flipByte(5))],
  [
    'an empty record in the middle',
    withDamagedRecord(1, () => Buffer.alloc(8)), // length 0, CRC 0
  ],
  // A length that runs past the end looks like a torn append, but good records follow it.
  ['a damaged length in the first record', withDamagedRecord(0, flipByte(3))],
]

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('UpdateLog refuses a log damaged in the middle', () => {
  it.each(corruptFiles)(
    'throws CorruptLogError for %s and leaves the file untouched',
    async (_, bytes) => {
      const path = join(dir, 'board.ylog')
      await writeFile(path, bytes)
      const before = sha256(await readFile(path))

      const opening = UpdateLog.open(path)
      await expect(opening).rejects.toBeInstanceOf(CorruptLogError)
      await expect(opening).rejects.toMatchObject({ code: 'LOG_CORRUPT', path })

      expect(sha256(await readFile(path))).toBe(before)
      expect(await readdir(dir)).toEqual(['board.ylog']) // no backup, no tmp
    },
  )

  it.each(corruptFiles)('readLogFile throws CorruptLogError for %s', (_, bytes) => {
    expect(() => readLogFile(bytes, 'some/board.ylog')).toThrow(CorruptLogError)
  })

  it('names the damaged offset in the message', () => {
    const bytes = withDamagedRecord(1, flipByte(12))
    expect(() => readLogFile(bytes, 'b.ylog')).toThrow(/b\.ylog: bad record at byte 47/)
  })
})
