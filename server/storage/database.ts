import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Role } from '../../shared/roles.ts'
import type { BallotContent, Round } from '../../shared/votingSchemas.ts'
import { DurableJsonFile } from './durableJsonFile.ts'

/**
 * The lowdb JSON database: boards, participants, rounds, outcomes. Never Yjs updates
 * (those go to the per-board update logs) and no longer ballots (the ballot log, see
 * server/voting/ballotStore.ts). Writes are atomic and durable (see
 * DurableJsonFile), so a crash mid-write leaves the previous file intact.
 */
export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: string
  /** SHA-256 hashes of the three role tokens. */
  roleTokenHashes: Record<Role, string>
  finalizedVersion: number | null
}

export interface ParticipantRecord {
  id: string
  boardId: string
  name: string
  role: Role
  tokenHash: string
  joinedAt: string
}

export interface RoundRecord extends Round {
  boardId: string
}

export interface BallotRecord {
  roundId: string
  participantId: string
  content: BallotContent
  updatedAt: string
}

export interface OutcomeRecord {
  boardId: string
  version: number
  createdAt: string
  hash: string
  note: string
  /** The outcome set serialized once at finalize and served verbatim: byte-identical forever. */
  json: string
}

export interface DatabaseShape {
  schemaVersion: 1
  boards: Record<string, BoardRecord>
  participants: Record<string, ParticipantRecord>
  rounds: Record<string, RoundRecord>
  /**
   * Key: `<roundId>:<participantId>`. Where ballots were kept before the ballot log; a database
   * that still holds some has them moved into the log when the server starts, leaving this empty.
   */
  ballots: Record<string, BallotRecord>
  /** Key: `<boardId>:<version>`. Never changed once written. */
  outcomes: Record<string, OutcomeRecord>
}

const emptyDatabase = (): DatabaseShape => ({
  schemaVersion: 1,
  boards: {},
  participants: {},
  rounds: {},
  ballots: {},
  outcomes: {},
})

export class Database {
  /** token hash → participant id, so a token is resolved without scanning. */
  private readonly participantByTokenHash = new Map<string, string>()

  private constructor(private readonly low: Low<DatabaseShape>) {
    for (const participant of Object.values(low.data.participants)) {
      this.participantByTokenHash.set(participant.tokenHash, participant.id)
    }
  }

  static async open(dataDir: string): Promise<Database> {
    await mkdir(dataDir, { recursive: true })
    const low = new Low<DatabaseShape>(
      new DurableJsonFile<DatabaseShape>(join(dataDir, 'catchball.json')),
      emptyDatabase(),
    )
    await low.read()
    low.data = { ...emptyDatabase(), ...low.data }
    return new Database(low)
  }

  get data(): DatabaseShape {
    return this.low.data
  }

  /** Persist the current data (atomic replace; concurrent calls are coalesced). */
  write(): Promise<void> {
    return this.low.write()
  }

  getBoard(id: string): BoardRecord | undefined {
    return Object.hasOwn(this.data.boards, id) ? this.data.boards[id] : undefined
  }

  async addBoard(board: BoardRecord): Promise<void> {
    this.data.boards[board.id] = board
    await this.write()
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.data.participants[participant.id] = participant
    this.participantByTokenHash.set(participant.tokenHash, participant.id)
    await this.write()
  }

  participantByHash(tokenHash: string): ParticipantRecord | undefined {
    const id = this.participantByTokenHash.get(tokenHash)
    return id ? this.data.participants[id] : undefined
  }

  participantsOf(boardId: string): ParticipantRecord[] {
    return Object.values(this.data.participants).filter((p) => p.boardId === boardId)
  }

  countParticipants(boardId: string): number {
    let count = 0
    for (const participant of Object.values(this.data.participants)) {
      if (participant.boardId === boardId) count++
    }
    return count
  }
}
