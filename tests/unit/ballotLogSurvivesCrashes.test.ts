import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BallotRecord } from '../../server/storage/database.ts'
import { CorruptLogError, LOG_MAGIC, encodeRecord } from '../../server/storage/logRecords.ts'
import { BallotLog } from '../../server/voting/ballotLog.ts'
import { dotsBallot } from '../support/ballots.ts'

let dir = ''
let path = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-ballots-'))
  path = join(dir, 'ballots.log')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const ballot = dotsBallot
const record = (ballots: BallotRecord[]) => encodeRecord(Buffer.from(JSON.stringify(ballots)))
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

const written = [ballot('ana', 1), ballot('bo', 2), ballot('ana', 3)]
const goodLog = Buffer.concat([LOG_MAGIC, ...written.map((b) => record([b]))])

describe('a torn last record (a crash mid-append)', () => {
  const next = record([ballot('cy', 4)])
  const tails: Array<[string, Buffer]> = [
    ['a record cut short', next.subarray(0, next.length - 3)],
    ['half a record header', next.subarray(0, 5)],
    ['zeros a crash allocated but never filled', Buffer.alloc(512)],
  ]

  it.each(tails)('is skipped after %s, and every ballot before it loads', async (_, tail) => {
    await writeFile(path, Buffer.concat([goodLog, tail]))
    const { log, ballots, report } = await BallotLog.open(path, { fsync: false })
    expect(ballots).toEqual(written)
    expect(report.tornTailBytes).toBe(tail.length)
    // The cut-off ballot was never answered 200 (that waits for the write), so nothing is lost.
    await log.append(ballot('cy', 5))
    await log.close()
    const reopened = await BallotLog.open(path, { fsync: false })
    expect(reopened.ballots).toEqual([...written, ballot('cy', 5)])
    await reopened.log.close()
  })
})

describe('a crash during compaction (the new file is written aside, then renamed in)', () => {
  const snapshot = Buffer.concat([LOG_MAGIC, record([ballot('ana', 3), ballot('bo', 2)])])
  const leftovers: Array<[string, Buffer]> = [
    ['a half-written new file', snapshot.subarray(0, snapshot.length - 10)],
    ['a complete new file never renamed', snapshot],
    ['an empty new file', Buffer.alloc(0)],
  ]

  it.each(leftovers)('before the rename, with %s, loads the old log whole', async (_, tmp) => {
    await writeFile(path, goodLog)
    await writeFile(`${path}.tmp`, tmp)
    const { log, ballots } = await BallotLog.open(path, { fsync: false })
    expect(ballots).toEqual(written)
    await log.close()
    expect(await readdir(dir)).toEqual(['ballots.log'])
  })

  it('after the rename, loads the compacted log followed by later appends', async () => {
    const { log } = await BallotLog.open(path, { fsync: false })
    for (const b of written) await log.append(b)
    log.setSnapshotProvider(() => [ballot('ana', 3), ballot('bo', 2)])
    await log.compact()
    await log.append(ballot('bo', 6))
    await log.close()

    const reopened = await BallotLog.open(path, { fsync: false })
    expect(reopened.ballots).toEqual([ballot('ana', 3), ballot('bo', 2), ballot('bo', 6)])
    await reopened.log.close()
  })
})

const notBallots: Array<[string, Buffer]> = [
  ['text that is not JSON', Buffer.from('{"x":1')],
  ['JSON that is not a list of ballots', Buffer.from('{"x":1}')],
  ['a ballot without its content', Buffer.from(JSON.stringify([{ ...written[0], content: null }]))],
  [
    'a ballot whose dots are not counts',
    Buffer.from(JSON.stringify([{ ...written[0], content: { allocations: { card1: 'two' } } }])),
  ],
]

it.each(notBallots)(
  'refuses a file holding %s after good records, and leaves it untouched',
  async (_, payload) => {
    const foreign = Buffer.concat([LOG_MAGIC, record(written), encodeRecord(payload)])
    await writeFile(path, foreign)
    await expect(BallotLog.open(path, { fsync: false })).rejects.toBeInstanceOf(CorruptLogError)
    expect(sha256(await readFile(path))).toBe(sha256(foreign))
  },
)
