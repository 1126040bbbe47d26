import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Database, type BallotRecord } from '../../server/storage/database.ts'
import { BallotLog } from '../../server/voting/ballotLog.ts'
import { dotsBallot } from '../support/ballots.ts'
import { BallotStore } from '../../server/voting/ballotStore.ts'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-ballots-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const ballot = dotsBallot

/** A database as the versions before the ballot log wrote it: ballots inside lowdb. */
async function writeOldDatabase(ballots: BallotRecord[]): Promise<void> {
  const entries = ballots.map((b) => [`${b.roundId}:${b.participantId}`, b])
  const data = {
    schemaVersion: 1,
    boards: {},
    participants: {},
    rounds: {},
    ballots: Object.fromEntries(entries),
    outcomes: {},
  }
  await writeFile(join(dir, 'catchball.json'), JSON.stringify(data))
}

async function openStore(): Promise<BallotStore> {
  return BallotStore.open(join(dir, 'ballots.log'), await Database.open(dir), { fsync: false })
}

/** The ballots lowdb's file still holds. */
const ballotsLeftInLowdb = async () =>
  JSON.parse(await readFile(join(dir, 'catchball.json'), 'utf8')).ballots

const dots = (store: BallotStore, participantId: string) =>
  store.ballotOf('r1', participantId)?.content

it('ballots kept in lowdb by older versions load, and move into the log once', async () => {
  await writeOldDatabase([ballot('ana', 1), ballot('bo', 2)])

  const store = await openStore()
  expect(store.votersIn('r1')).toBe(2)
  expect(dots(store, 'bo')).toEqual({ allocations: { card1: 2 } })
  await store.close()

  expect(await ballotsLeftInLowdb()).toEqual({})
  const { log, ballots } = await BallotLog.open(join(dir, 'ballots.log'), { fsync: false })
  expect(ballots).toEqual([ballot('ana', 1), ballot('bo', 2)])
  await log.close()

  // Later starts read them from the log alone.
  const again = await openStore()
  expect(again.votersIn('r1')).toBe(2)
  await again.close()
})

it('a crash after the move but before lowdb forgot them loses nothing and counts nothing twice', async () => {
  await writeOldDatabase([ballot('ana', 1), ballot('bo', 2)])
  // The log already holds them (the move was written), plus a newer ballot from ana.
  const { log } = await BallotLog.open(join(dir, 'ballots.log'), { fsync: false })
  for (const b of [ballot('ana', 1), ballot('bo', 2), ballot('ana', 4)]) await log.append(b)
  await log.close()

  const store = await openStore()
  expect(store.votersIn('r1')).toBe(2)
  expect(dots(store, 'ana')).toEqual({ allocations: { card1: 4 } })
  await store.close()
  expect(await ballotsLeftInLowdb()).toEqual({})
})
