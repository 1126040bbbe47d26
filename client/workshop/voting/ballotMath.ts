import type { Round } from '../../../shared/votingSchemas.ts'

/** A person's dots ballot: card id → dots placed (zeros left out). */
export type Allocations = Record<string, number>
/** A person's fist-of-five ballot: card id → 0..5. */
export type Answers = Record<string, number>

type Budget = Pick<Round, 'votesPerPerson' | 'maxPerCard'>

export function dotsUsed(allocations: Allocations): number {
  let total = 0
  for (const dots of Object.values(allocations)) total += dots
  return total
}

export function dotsRemaining(round: Budget, allocations: Allocations): number {
  return Math.max(0, round.votesPerPerson - dotsUsed(allocations))
}

/** Whether the card is open to votes in this round (no list = every card). */
export function isEligible(round: Pick<Round, 'cardIds'>, cardId: string): boolean {
  return round.cardIds === null || round.cardIds.includes(cardId)
}

export function canAddDot(round: Budget, allocations: Allocations, cardId: string): boolean {
  return dotsRemaining(round, allocations) > 0 && (allocations[cardId] ?? 0) < round.maxPerCard
}

/**
 * The ballot with one dot more (+1) or less (-1) on a card, or null when the rules (budget,
 * per-card cap, nothing to remove) forbid it. Cards at zero are dropped from the ballot.
 */
export function withDot(
  round: Budget,
  allocations: Allocations,
  cardId: string,
  delta: 1 | -1,
): Allocations | null {
  const current = allocations[cardId] ?? 0
  if (delta === 1 && !canAddDot(round, allocations, cardId)) return null
  if (delta === -1 && current === 0) return null
  const next = { ...allocations }
  if (current + delta === 0) delete next[cardId]
  else next[cardId] = current + delta
  return next
}

/** The ballot with an answer (0..5) on a card; the same answer again takes it back. */
export function withAnswer(answers: Answers, cardId: string, answer: number): Answers {
  const next = { ...answers }
  if (next[cardId] === answer) delete next[cardId]
  else next[cardId] = Math.min(5, Math.max(0, Math.round(answer)))
  return next
}
