import { randomId } from '../../shared/ids.ts'
import { getRounds } from '../../shared/controlDoc.ts'
import type { BallotContent, OpenRoundBody, PublishedRound } from '../../shared/votingSchemas.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { BallotRecord, Database, ParticipantRecord, RoundRecord } from '../storage/database.ts'
import { conflict, notFound, unprocessable } from '../errors.ts'
import type { BallotStore } from './ballotStore.ts'
import { CardEligibility } from './cardEligibility.ts'
import { checkBallot, tallyRound } from './tally.ts'

/**
 * The live tally is published into the control document at most this often. Every publish
 * goes to every client of the control room (200 in a big workshop), so in a burst of ballots
 * this interval, not the number of ballots, sets the cost. A ballot after a quiet spell is
 * published at once.
 */
const PUBLISH_INTERVAL_MS = 100

/**
 * Server-authoritative voting: rounds live in lowdb, ballots in the ballot log (BallotStore);
 * what clients may see (voter count, and the tally only when the round is live or revealed) is
 * published into the control document. A ballot is never written to a shared document before
 * reveal.
 */
export class RoundService {
  private readonly eligibility: CardEligibility
  private readonly closeTimers = new Map<string, NodeJS.Timeout>()
  private readonly publishTimers = new Map<string, NodeJS.Timeout>()
  private readonly lastPublishedAt = new Map<string, number>()

  constructor(
    private readonly db: Database,
    private readonly rooms: RoomManager,
    private readonly ballots: BallotStore,
  ) {
    this.eligibility = new CardEligibility(rooms)
    for (const round of Object.values(db.data.rounds)) this.scheduleAutoClose(round)
  }

  ballotsOf(roundId: string): BallotRecord[] {
    return this.ballots.ballotsOf(roundId)
  }

  ballotOf(roundId: string, participantId: string): BallotRecord | undefined {
    return this.ballots.ballotOf(roundId, participantId)
  }

  getRound(boardId: string, roundId: string): RoundRecord {
    const round = Object.hasOwn(this.db.data.rounds, roundId)
      ? this.db.data.rounds[roundId]
      : undefined
    if (!round || round.boardId !== boardId) throw notFound('unknown round')
    return round
  }

  listRounds(boardId: string): RoundRecord[] {
    return Object.values(this.db.data.rounds).filter((r) => r.boardId === boardId)
  }

  async open(boardId: string, body: OpenRoundBody): Promise<RoundRecord> {
    if (body.endsAt && Date.parse(body.endsAt) <= Date.now()) {
      throw unprocessable('endsAt must be in the future')
    }
    const round: RoundRecord = {
      id: randomId(),
      boardId,
      kind: body.kind,
      status: 'open',
      title: body.title ?? (body.kind === 'dots' ? 'Dot voting' : 'Fist of five'),
      votesPerPerson: body.kind === 'dots' ? (body.votesPerPerson ?? 5) : 1,
      maxPerCard: body.kind === 'dots' ? (body.maxPerCard ?? body.votesPerPerson ?? 5) : 1,
      sealed: body.sealed ?? false,
      anonymous: body.anonymous ?? false,
      endsAt: body.endsAt ? new Date(body.endsAt).toISOString() : null,
      cardIds: body.cardIds ?? null,
      createdAt: new Date().toISOString(),
      closedAt: null,
      revealedAt: null,
    }
    this.db.data.rounds[round.id] = round
    await this.db.write()
    this.scheduleAutoClose(round)
    await this.publishNow(round)
    return round
  }

  /** Replace the caller's ballot. Rejected ballots change nothing. */
  async putBallot(
    round: RoundRecord,
    participant: ParticipantRecord,
    content: BallotContent,
  ): Promise<BallotRecord> {
    this.assertOpen(round)
    if (round.kind === 'dots' && !('allocations' in content))
      throw unprocessable('a dots round takes { allocations }')
    if (round.kind === 'fist' && !('answers' in content))
      throw unprocessable('a fist round takes { answers }')
    const isEligible = await this.eligibility.of(round)
    // The round may have closed while the board loaded: check again before storing.
    this.assertOpen(round)
    const problems = checkBallot(round, content, isEligible)
    if (problems.length > 0)
      throw unprocessable(problems.map((p) => p.message).join('; '), problems)
    const ballot: BallotRecord = {
      roundId: round.id,
      participantId: participant.id,
      content,
      updatedAt: new Date().toISOString(),
    }
    await this.ballots.put(ballot)
    this.schedulePublish(round)
    return ballot
  }

  private assertOpen(round: RoundRecord): void {
    if (round.status !== 'open')
      throw conflict(`round is ${round.status}; ballots are no longer accepted`)
  }

  async close(round: RoundRecord): Promise<RoundRecord> {
    if (round.status !== 'open') return round
    round.status = 'closed'
    round.closedAt = new Date().toISOString()
    this.cancelAutoClose(round.id)
    await this.db.write()
    await this.publishNow(round)
    return round
  }

  async reveal(round: RoundRecord): Promise<RoundRecord> {
    if (round.status === 'revealed') return round
    if (round.status === 'open') round.closedAt = new Date().toISOString()
    round.status = 'revealed'
    round.revealedAt = new Date().toISOString()
    this.cancelAutoClose(round.id)
    await this.db.write()
    await this.publishNow(round)
    return round
  }

  /** The tally as a given caller may see it: null for a sealed round until reveal. */
  visibleTally(round: RoundRecord) {
    if (round.sealed && round.status !== 'revealed') return null
    return tallyRound(
      round,
      this.ballotsOf(round.id).map((b) => b.content),
    )
  }

  /** Who voted for what, by name: only for a revealed, named round. */
  visibleBallots(round: RoundRecord): Record<string, BallotContent> | null {
    if (round.status !== 'revealed' || round.anonymous) return null
    const named: Record<string, BallotContent> = {}
    for (const ballot of this.ballotsOf(round.id)) {
      const base = this.db.data.participants[ballot.participantId]?.name ?? 'Someone'
      let name = base
      for (let n = 2; Object.hasOwn(named, name); n++) name = `${base} (${n})`
      named[name] = ballot.content
    }
    return named
  }

  published(round: RoundRecord): PublishedRound {
    const { boardId: _boardId, ...publicRound } = round
    void _boardId
    return {
      ...publicRound,
      voters: this.ballots.votersIn(round.id),
      tally: this.visibleTally(round),
      ballots: this.visibleBallots(round),
    }
  }

  private schedulePublish(round: RoundRecord): void {
    if (this.publishTimers.has(round.id)) return
    const sinceLast = Date.now() - (this.lastPublishedAt.get(round.id) ?? 0)
    // Even "at once" goes through a timer, so ballots stored in the same tick share a publish.
    const timer = setTimeout(
      () => {
        this.publishTimers.delete(round.id)
        void this.publishNow(round)
      },
      Math.max(0, PUBLISH_INTERVAL_MS - sinceLast),
    )
    this.publishTimers.set(round.id, timer)
  }

  private async publishNow(round: RoundRecord): Promise<void> {
    const timer = this.publishTimers.get(round.id)
    if (timer) clearTimeout(timer)
    this.publishTimers.delete(round.id)
    // Only an open round takes ballots, so only an open round needs its last publish time.
    if (round.status === 'open') this.lastPublishedAt.set(round.id, Date.now())
    else this.lastPublishedAt.delete(round.id)
    await this.rooms.change(round.boardId, 'control', (room) =>
      room.transactAsServer((doc) => getRounds(doc).set(round.id, this.published(round))),
    )
  }

  private scheduleAutoClose(round: RoundRecord): void {
    if (round.status !== 'open' || !round.endsAt) return
    const delay = Math.max(0, Date.parse(round.endsAt) - Date.now())
    const timer = setTimeout(
      () => {
        this.closeTimers.delete(round.id)
        void this.close(round)
      },
      Math.min(delay, 2 ** 31 - 1),
    )
    timer.unref()
    this.closeTimers.set(round.id, timer)
  }

  private cancelAutoClose(roundId: string): void {
    const timer = this.closeTimers.get(roundId)
    if (timer) clearTimeout(timer)
    this.closeTimers.delete(roundId)
  }

  /** Publish what is pending and stop every timer (shutdown). */
  async stop(): Promise<void> {
    for (const roundId of this.closeTimers.keys()) this.cancelAutoClose(roundId)
    const pending = [...this.publishTimers.keys()]
    for (const roundId of pending) await this.publishNow(this.db.data.rounds[roundId])
  }
}
