import { randomId } from '../../shared/ids.ts'
import { getCards } from '../../shared/boardDoc.ts'
import { getRounds } from '../../shared/controlDoc.ts'
import type { BallotContent, OpenRoundBody, PublishedRound } from '../../shared/votingSchemas.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { BallotRecord, Database, ParticipantRecord, RoundRecord } from '../storage/database.ts'
import { conflict, notFound, unprocessable } from '../errors.ts'
import { checkBallot, tallyRound } from './tally.ts'

/** How long ballot changes are gathered before the control document is updated once. */
const PUBLISH_TICK_MS = 30

/**
 * Server-authoritative voting: rounds and ballots live in lowdb; what clients may see
 * (voter count, and the tally only when the round is live or revealed) is published into
 * the control document. A ballot is never written to a shared document before reveal.
 */
export class RoundService {
  private readonly ballotsByRound = new Map<string, Map<string, BallotRecord>>()
  private readonly closeTimers = new Map<string, NodeJS.Timeout>()
  private readonly publishTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly db: Database,
    private readonly rooms: RoomManager,
  ) {
    for (const ballot of Object.values(db.data.ballots)) this.index(ballot)
    for (const round of Object.values(db.data.rounds)) this.scheduleAutoClose(round)
  }

  private index(ballot: BallotRecord): void {
    let byParticipant = this.ballotsByRound.get(ballot.roundId)
    if (!byParticipant) this.ballotsByRound.set(ballot.roundId, (byParticipant = new Map()))
    byParticipant.set(ballot.participantId, ballot)
  }

  ballotsOf(roundId: string): BallotRecord[] {
    return [...(this.ballotsByRound.get(roundId)?.values() ?? [])]
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
    const isEligible = await this.eligibility(round)
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
    this.db.data.ballots[`${round.id}:${participant.id}`] = ballot
    this.index(ballot)
    await this.db.write()
    this.schedulePublish(round)
    return ballot
  }

  private assertOpen(round: RoundRecord): void {
    if (round.status !== 'open')
      throw conflict(`round is ${round.status}; ballots are no longer accepted`)
  }

  /** Which card ids a ballot may name: the round's list, or every card on the board. */
  private async eligibility(round: RoundRecord): Promise<(cardId: string) => boolean> {
    if (round.cardIds) {
      const allowed = new Set(round.cardIds)
      return (cardId) => allowed.has(cardId)
    }
    const room = await this.rooms.acquire(round.boardId, 'board')
    const cards = getCards(room.doc)
    this.rooms.scheduleUnloadIfEmpty(room)
    return (cardId) => cards.has(cardId)
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
      voters: this.ballotsOf(round.id).length,
      tally: this.visibleTally(round),
      ballots: this.visibleBallots(round),
    }
  }

  private schedulePublish(round: RoundRecord): void {
    if (this.publishTimers.has(round.id)) return
    const timer = setTimeout(() => {
      this.publishTimers.delete(round.id)
      void this.publishNow(round)
    }, PUBLISH_TICK_MS)
    this.publishTimers.set(round.id, timer)
  }

  private async publishNow(round: RoundRecord): Promise<void> {
    const timer = this.publishTimers.get(round.id)
    if (timer) clearTimeout(timer)
    this.publishTimers.delete(round.id)
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
