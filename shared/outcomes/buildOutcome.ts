import type * as Y from 'yjs'
import { getCatchballLog, readAllCards } from '../boardDoc.ts'
import type { Card } from '../cardSchema.ts'
import { qualityHints } from '../qualityHints.ts'
import type { FistTally, PublishedRound } from '../votingSchemas.ts'
import { outcomeSchema, type Outcome, type OutcomeObjective } from './outcomeSchema.ts'

export interface OutcomeInput {
  doc: Y.Doc
  board: { id: string; title: string }
  rounds: PublishedRound[]
  participants: { name: string; role: string }[]
  version: number
  createdAt: string
  note: string
  finalizedBy: string
}

/** Plain code-unit comparison: stable across machines and locales, and fast. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Cards in a stable order: explicit `order` first, then creation time, then id. */
function byOrder(a: Card, b: Card): number {
  const orderA = a.order ?? Number.MAX_SAFE_INTEGER
  const orderB = b.order ?? Number.MAX_SAFE_INTEGER
  return orderA - orderB || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)
}

function votesPerCard(rounds: PublishedRound[]): Map<string, number> {
  const votes = new Map<string, number>()
  for (const round of rounds) {
    if (round.kind !== 'dots' || !round.tally) continue
    for (const [cardId, dots] of Object.entries(round.tally as Record<string, number>)) {
      votes.set(cardId, (votes.get(cardId) ?? 0) + dots)
    }
  }
  return votes
}

/** The latest visible fist-of-five distribution per card, with its verdict. */
function consensusPerCard(rounds: PublishedRound[]): Map<string, OutcomeObjective['consensus']> {
  const result = new Map<string, OutcomeObjective['consensus']>()
  const fistRounds = rounds
    .filter((r) => r.kind === 'fist' && r.tally)
    .toSorted((a, b) => compareText(a.createdAt, b.createdAt))
  for (const round of fistRounds) {
    for (const [cardId, distribution] of Object.entries(round.tally as FistTally)) {
      const anyLow = distribution[0] + distribution[1] + distribution[2] > 0
      result.set(cardId, { distribution, verdict: anyLow ? 'discuss' : 'consensus' })
    }
  }
  return result
}

/**
 * Build the outcome set from the board document: every agreed objective with its key
 * results and initiatives that are not dropped, open actions, and the decision record.
 * The result is validated; cards that fail validation are listed, not silently dropped.
 */
export function buildOutcome(input: OutcomeInput): Outcome {
  const { cards, invalid } = readAllCards(input.doc)
  const live = cards.filter((card) => card.status !== 'dropped').toSorted(byOrder)
  // Children by parent, built once: a 1,000-card board must not cost a scan per card.
  const children = new Map<string, Card[]>()
  for (const card of live) {
    if (!card.parentId) continue
    const siblings = children.get(card.parentId)
    if (siblings) siblings.push(card)
    else children.set(card.parentId, [card])
  }
  const childrenOf = (parentId: string, kind: Card['kind']) =>
    (children.get(parentId) ?? []).filter((card) => card.kind === kind)
  const votes = votesPerCard(input.rounds)
  const consensus = consensusPerCard(input.rounds)
  const log = getCatchballLog(input.doc).toArray()
  const throwCounts = new Map<string, number>()
  for (const entry of log) throwCounts.set(entry.cardId, (throwCounts.get(entry.cardId) ?? 0) + 1)
  const throwsOf = (cardId: string) => throwCounts.get(cardId) ?? 0

  let hintCount = 0
  const hintsFor = (card: Card, keyResultCount?: number) => {
    const hints = qualityHints(card, { keyResultCount })
    hintCount += hints.length
    return hints
  }

  const objectives = live
    .filter((card) => card.kind === 'objective' && card.status === 'agreed')
    .map((objective) => {
      const keyResults = childrenOf(objective.id, 'keyResult').map((kr) => ({
        id: kr.id,
        title: kr.title,
        notes: kr.notes,
        owner: kr.owner,
        metric: kr.metric,
        milestone: kr.milestone,
        confidence: kr.confidence,
        grade: kr.grade,
        initiatives: childrenOf(kr.id, 'initiative').map((initiative) => ({
          id: initiative.id,
          title: initiative.title,
          notes: initiative.notes,
          owner: initiative.owner,
          status: initiative.status,
        })),
        qualityHints: hintsFor(kr),
      }))
      return {
        id: objective.id,
        title: objective.title,
        notes: objective.notes,
        team: objective.team,
        owner: objective.owner,
        parentId: objective.parentId,
        votes: votes.get(objective.id) ?? 0,
        consensus: consensus.get(objective.id) ?? null,
        catchballRounds: throwsOf(objective.id),
        keyResults,
        qualityHints: hintsFor(objective, keyResults.length),
      }
    })

  const actions = live
    .filter((card) => card.kind === 'action')
    .map((action) => ({
      id: action.id,
      title: action.title,
      notes: action.notes,
      owner: action.owner,
      dueDate: action.dueDate,
      keyResultId: action.parentId,
      status: action.status,
    }))

  return outcomeSchema.parse({
    version: input.version,
    createdAt: input.createdAt,
    note: input.note,
    board: input.board,
    objectives,
    actions,
    participants: input.participants,
    decisions: {
      finalizedAt: input.createdAt,
      finalizedBy: input.finalizedBy,
      rounds: input.rounds.map((round) => ({
        id: round.id,
        kind: round.kind,
        title: round.title,
        status: round.status,
        voters: round.voters,
        tally: round.tally,
      })),
      catchballThrows: log.length,
      qualityHintCount: hintCount,
      invalidCards: invalid,
    },
  })
}
