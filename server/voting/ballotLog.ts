import { z } from 'zod'
import { dotsBallotBody, fistBallotBody } from '../../shared/votingSchemas.ts'
import type { BallotRecord } from '../storage/database.ts'
import { CorruptLogError } from '../storage/logRecords.ts'
import { UpdateLog, type RecoveryReport, type UpdateLogOptions } from '../storage/updateLog.ts'

/**
 * The durable store of ballots: an append-only log in the same length + CRC32 record format as
 * the boards' Yjs logs (logRecords.ts), so it inherits their torn-tail recovery, their refusal
 * of damage in the middle, and their crash-safe compaction (write aside, fsync, rename).
 *
 * Every record is a JSON array of ballots. A PUT appends a one-ballot record; compaction
 * replaces the file by one record holding every current ballot. Replaying the records in order
 * and keeping the last ballot per round and participant gives the current state.
 *
 * Rewriting the whole lowdb file per ballot cost a full JSON serialization, a temp file, two
 * fsyncs and a rename; an append costs a few hundred bytes and one fsync, shared by every
 * ballot that arrived while the previous fsync was running (group commit).
 */

const noop = () => {}

export type BallotLogOptions = Pick<
  UpdateLogOptions,
  'fsync' | 'compactAfterBytes' | 'compactAfterRecords' | 'onError'
>

export interface OpenedBallotLog {
  log: BallotLog
  /** Every ballot record in the file, oldest first (later ones replace earlier ones). */
  ballots: BallotRecord[]
  report: RecoveryReport
}

export class BallotLog {
  /** The flush on its way to disk, and the one that will follow it with what arrives meanwhile. */
  private runningFlush: Promise<void> | null = null
  private nextFlush: Promise<void> | null = null

  private constructor(private readonly log: UpdateLog) {}

  /** Opens (creating if missing) and reads the log. Throws CorruptLogError for damage. */
  static async open(
    path: string,
    options: Partial<BallotLogOptions> = {},
  ): Promise<OpenedBallotLog> {
    const { log, updates, report } = await UpdateLog.open(path, {
      ...options,
      // append() flushes at once, so this interval only paces the retries of a failed write.
      flushIntervalMs: 50,
    })
    try {
      const ballots = updates.flatMap((payload) => decodeBallots(payload, path))
      return { log: new BallotLog(log), ballots, report }
    } catch (err) {
      await log.close()
      throw err
    }
  }

  /**
   * Resolves once the ballot is fsynced (when fsync is on), so a caller that answers 200 after
   * it has a ballot that survives kill -9 and power loss. Appends made while a write is in
   * flight share the next write: one fsync per batch, with no timer to wait for.
   *
   * At most one flush waits behind the running one. Calling flush() per append would queue one
   * flush per ballot, each fsyncing what arrived meanwhile: a burst arriving faster than one
   * ballot per fsync would then wait behind a queue that only grows.
   */
  append(ballot: BallotRecord): Promise<void> {
    this.log.append(encodeBallots([ballot]))
    this.nextFlush ??= (this.runningFlush ?? Promise.resolve()).catch(noop).then(() => {
      this.nextFlush = null
      const running = this.log.flush().finally(() => {
        if (this.runningFlush === running) this.runningFlush = null
      })
      this.runningFlush = running
      return running
    })
    return this.nextFlush
  }

  /**
   * How to read every current ballot, for compaction (when the log grows past its limits).
   * Must include every ballot already passed to append().
   */
  setSnapshotProvider(snapshot: () => BallotRecord[]): void {
    this.log.setStateProvider(() => encodeBallots(snapshot()))
  }

  /** Atomically replace the file by one record holding the current ballots. */
  compact(): Promise<void> {
    return this.log.compact()
  }

  get recordCount(): number {
    return this.log.recordCount
  }

  /** Writes what is pending and closes the file. */
  close(): Promise<void> {
    return this.log.close()
  }
}

function encodeBallots(ballots: BallotRecord[]): Uint8Array {
  return Buffer.from(JSON.stringify(ballots), 'utf8')
}

/** What one stored ballot looks like: the PUT bodies' own schemas for the content. */
const storedBallots = z.array(
  z.object({
    roundId: z.string(),
    participantId: z.string(),
    content: z.union([dotsBallotBody, fistBallotBody]),
    updatedAt: z.string(),
  }),
)

/**
 * A record whose CRC is good but whose content is not ballots was written by something else:
 * refuse it like damage in the middle, rather than silently lose votes.
 */
function decodeBallots(payload: Uint8Array, path: string): BallotRecord[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload).toString('utf8'))
  } catch {
    throw new CorruptLogError(path, 'a record is not JSON: not a ballot log')
  }
  const ballots = storedBallots.safeParse(parsed)
  if (!ballots.success) {
    throw new CorruptLogError(path, 'a record does not hold ballots: not a ballot log')
  }
  return ballots.data
}
