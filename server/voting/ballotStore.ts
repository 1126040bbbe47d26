import type { BallotRecord, Database } from '../storage/database.ts'
import type { RecoveryReport } from '../storage/updateLog.ts'
import { BallotLog, type BallotLogOptions } from './ballotLog.ts'

/**
 * Every ballot, indexed by round and participant in memory and kept durable in the ballot log.
 *
 * Databases written before the ballot log hold their ballots in lowdb. Opening the store moves
 * them into the log once: the log is compacted to hold them (and anything it already held,
 * which is newer), and only then are they removed from lowdb. A crash in between leaves them in
 * both places, and the next start simply does the same again.
 */
export class BallotStore {
  private readonly byRound = new Map<string, Map<string, BallotRecord>>()

  private constructor(
    private readonly log: BallotLog,
    /** What opening the log found: a torn last record is worth a warning in the server log. */
    readonly recovery: RecoveryReport,
  ) {
    log.setSnapshotProvider(() => this.all())
  }

  static async open(
    path: string,
    db: Database,
    options: Partial<BallotLogOptions> = {},
  ): Promise<BallotStore> {
    const { log, ballots, report } = await BallotLog.open(path, options)
    const store = new BallotStore(log, report)
    const legacy = Object.values(db.data.ballots)
    // lowdb's ballots predate every record in the log, so the log's win.
    for (const ballot of [...legacy, ...ballots]) store.index(ballot)
    if (legacy.length > 0) {
      try {
        await log.compact()
        db.data.ballots = {}
        await db.write()
      } catch (err) {
        await log.close()
        throw err
      }
    }
    return store
  }

  /**
   * Replace a participant's ballot. Resolves once it is durable. The index changes at once,
   * like the file will: a failed write stays buffered and is retried, so what is counted in
   * memory is what the log ends up holding.
   */
  put(ballot: BallotRecord): Promise<void> {
    this.index(ballot)
    return this.log.append(ballot)
  }

  ballotsOf(roundId: string): BallotRecord[] {
    return [...(this.byRound.get(roundId)?.values() ?? [])]
  }

  ballotOf(roundId: string, participantId: string): BallotRecord | undefined {
    return this.byRound.get(roundId)?.get(participantId)
  }

  votersIn(roundId: string): number {
    return this.byRound.get(roundId)?.size ?? 0
  }

  /** Write what is pending and close the log (shutdown). */
  close(): Promise<void> {
    return this.log.close()
  }

  private all(): BallotRecord[] {
    return [...this.byRound.values()].flatMap((byParticipant) => [...byParticipant.values()])
  }

  private index(ballot: BallotRecord): void {
    let byParticipant = this.byRound.get(ballot.roundId)
    if (!byParticipant) this.byRound.set(ballot.roundId, (byParticipant = new Map()))
    byParticipant.set(ballot.participantId, ballot)
  }
}
