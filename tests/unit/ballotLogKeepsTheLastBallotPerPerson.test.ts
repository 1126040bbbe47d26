import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Database } from '../../server/storage/database.ts'
import type { BallotRecord } from '../../server/storage/database.ts'
import { BallotLog } from '../../server/voting/ballotLog.ts'
import { BallotStore } from '../../server/voting/ballotStore.ts'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-ballots-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const ballot = (roundId: string, participantId: string, dots: number): BallotRecord => ({
  roundId,
  participantId,
  content: { allocations: { card1: dots } },
  updatedAt: `2025-01-01T00:00:0${dots}.000Z`,
})

async function openStore(options: { compactAfterRecords?: number } = {}) {
  const db = await Database.open(dir)
  return BallotStore.open(join(dir, 'ballots.log'), db, { fsync: false, ...options })
}

const dotsOf = (ballots: BallotRecord[]) =>
  Object.fromEntries(
    ballots.map((b) => [b.participantId, 'allocations' in b.content && b.content.allocations]),
  )

it('ballots appended before a restart are all there after it', async () => {
  const store = await openStore()
  await Promise.all(
    [ballot('r1', 'ana', 1), ballot('r1', 'bo', 2), ballot('r2', 'ana', 3)].map((b) =>
      store.put(b),
    ),
  )
  await store.close()

  const reopened = await openStore()
  expect(dotsOf(reopened.ballotsOf('r1'))).toEqual({ ana: { card1: 1 }, bo: { card1: 2 } })
  expect(dotsOf(reopened.ballotsOf('r2'))).toEqual({ ana: { card1: 3 } })
  await reopened.close()
})

it('a person’s last ballot replaces their earlier ones, in memory and after a restart', async () => {
  const store = await openStore()
  for (const dots of [1, 2, 3]) await store.put(ballot('r1', 'ana', dots))
  // Sent together: the one put last is the one that counts.
  await Promise.all([4, 5].map((dots) => store.put(ballot('r1', 'bo', dots))))
  expect(store.votersIn('r1')).toBe(2)
  expect(store.ballotOf('r1', 'ana')?.content).toEqual({ allocations: { card1: 3 } })
  expect(store.ballotOf('r1', 'bo')?.content).toEqual({ allocations: { card1: 5 } })
  await store.close()

  const reopened = await openStore()
  expect(dotsOf(reopened.ballotsOf('r1'))).toEqual({ ana: { card1: 3 }, bo: { card1: 5 } })
  await reopened.close()
})

it('300 ballots sent at once all resolve, and every one is in the file', async () => {
  const store = await openStore()
  // Sent in waves, so some arrive while earlier ones are being written and must share a write.
  const puts: Promise<void>[] = []
  for (let i = 0; i < 300; i++) {
    puts.push(store.put(ballot('r1', `p${i}`, (i % 9) + 1)))
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve))
  }
  await Promise.all(puts)
  const { log, ballots } = await BallotLog.open(join(dir, 'ballots.log'), { fsync: false })
  expect(new Set(ballots.map((b) => b.participantId)).size).toBe(300)
  await log.close()
  await store.close()
})

it('put resolves only once the ballot is in the file', async () => {
  const store = await openStore()
  await store.put(ballot('r1', 'ana', 1))
  // Read the file with a second reader while the store is still open: nothing waits in memory.
  const { log, ballots } = await BallotLog.open(join(dir, 'ballots.log'), { fsync: false })
  expect(ballots).toEqual([ballot('r1', 'ana', 1)])
  await log.close()
  await store.close()
})

it('compacts into one record of the current ballots when the log grows, and loads the same', async () => {
  const store = await openStore({ compactAfterRecords: 10 })
  const last: Record<string, { card1: number }> = {}
  for (let i = 0; i < 25; i++) {
    const put = ballot('r1', `p${i % 4}`, (i % 9) + 1)
    last[put.participantId] = { card1: (i % 9) + 1 }
    await store.put(put)
  }
  await store.close()

  const { log, ballots } = await BallotLog.open(join(dir, 'ballots.log'), { fsync: false })
  // Without compaction the file would hold 25 records of one ballot each.
  expect(log.recordCount).toBeLessThan(10)
  expect(ballots.length).toBeLessThan(25)
  await log.close()

  const reopened = await openStore()
  expect(dotsOf(reopened.ballotsOf('r1'))).toEqual(last)
  await reopened.close()
})
