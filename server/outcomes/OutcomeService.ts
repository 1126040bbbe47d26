import { createHash } from 'node:crypto'
import { buildOutcome } from '../../shared/outcomes/buildOutcome.ts'
import { getControlRoot } from '../../shared/controlDoc.ts'
import type { Outcome } from '../../shared/outcomes/outcomeSchema.ts'
import type { AppContext } from '../appContext.ts'
import { notFound } from '../errors.ts'
import type { BoardRecord, OutcomeRecord, ParticipantRecord } from '../storage/database.ts'
import type { RoundService } from '../voting/RoundService.ts'

/**
 * Finalize: freeze the board's agreed OKRs into a new immutable version (1, 2, …) with a
 * content hash. Earlier versions are never rewritten; the board stays editable.
 */
export class OutcomeService {
  constructor(
    private readonly ctx: AppContext,
    private readonly rounds: RoundService,
  ) {}

  list(boardId: string): OutcomeRecord[] {
    return Object.values(this.ctx.db.data.outcomes)
      .filter((o) => o.boardId === boardId)
      .toSorted((a, b) => a.version - b.version)
  }

  get(boardId: string, version: number): OutcomeRecord {
    const key = `${boardId}:${version}`
    const record = Object.hasOwn(this.ctx.db.data.outcomes, key)
      ? this.ctx.db.data.outcomes[key]
      : undefined
    if (!record) throw notFound(`no outcome version ${version} on this board`)
    return record
  }

  parse(record: OutcomeRecord): Outcome {
    return JSON.parse(record.json) as Outcome
  }

  async finalize(board: BoardRecord, by: ParticipantRecord, note: string) {
    const room = await this.ctx.rooms.acquire(board.id, 'board')
    try {
      const version = (this.list(board.id).at(-1)?.version ?? 0) + 1
      const createdAt = new Date().toISOString()
      const outcome = buildOutcome({
        doc: room.doc,
        board: { id: board.id, title: board.title },
        rounds: this.rounds.listRounds(board.id).map((round) => this.rounds.published(round)),
        participants: this.ctx.db
          .participantsOf(board.id)
          .map((p) => ({ name: p.name, role: p.role })),
        version,
        createdAt,
        note,
        finalizedBy: by.name,
      })
      const json = JSON.stringify(outcome, null, 2)
      const hash = `sha256:${createHash('sha256').update(json).digest('hex')}`
      const record: OutcomeRecord = { boardId: board.id, version, createdAt, hash, note, json }
      this.ctx.db.data.outcomes[`${board.id}:${version}`] = record
      board.finalizedVersion = version
      await this.ctx.db.write()
      await this.ctx.rooms.change(board.id, 'control', (control) =>
        control.transactAsServer((doc) => getControlRoot(doc).set('finalizedVersion', version)),
      )
      return { record, outcome }
    } finally {
      this.ctx.rooms.scheduleUnloadIfEmpty(room)
    }
  }
}
