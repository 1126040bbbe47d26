import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOG_MAGIC, encodeRecord } from '../../server/storage/logRecords.ts'
import { UpdateLog } from '../../server/storage/updateLog.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const updates = [1, 2, 3].map((n) => Uint8Array.from([n, n, n]))

/** A log written through the API, as a crash would find it. */
async function writtenLog(path: string): Promise<string> {
  const { log } = await UpdateLog.open(path, { fsync: false })
  for (const update of updates) log.append(update)
  await log.close()
  return sha256(await readFile(path))
}

// A compaction that crashed before its rename leaves `<path>.tmp` next to an intact log.
const leftovers: Array<[string, Buffer]> = [
  [
    'a half-written tmp',
    Buffer.concat([LOG_MAGIC, encodeRecord(Uint8Array.from([7, 7]))]).subarray(0, 12),
  ],
  [
    'a complete tmp that was never renamed',
    Buffer.concat([LOG_MAGIC, encodeRecord(Uint8Array.from([7, 7]))]),
  ],
  ['an empty tmp', Buffer.alloc(0)],
]

describe('UpdateLog after a crash mid-compaction', () => {
  it.each(leftovers)('uses the intact log and removes %s', async (_, tmp) => {
    const path = join(dir, 'board.ylog')
    const before = await writtenLog(path)
    await writeFile(`${path}.tmp`, tmp)

    const { log, updates: recovered, report } = await UpdateLog.open(path, { fsync: false })

    expect(recovered.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)))
    expect(report).toEqual({ records: 3, tornTailBytes: 0, backupPath: null })
    expect(await readdir(dir)).toEqual(['board.ylog'])
    expect(sha256(await readFile(path))).toBe(before)
    await log.close()
  })

  it('creates a missing log (and its folders) holding just the header', async () => {
    const path = join(dir, 'boards', 'b1', 'board.ylog')
    const { log, updates: recovered, report } = await UpdateLog.open(path)
    expect(recovered).toEqual([])
    expect(report).toEqual({ records: 0, tornTailBytes: 0, backupPath: null })
    expect(await readFile(path)).toEqual(LOG_MAGIC)
    expect(log.sizeBytes).toBe(LOG_MAGIC.length)
    expect(log.recordCount).toBe(0)
    await log.close()
  })
})
