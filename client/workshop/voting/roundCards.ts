import type { PublishedRound } from '../../../shared/votingSchemas.ts'
import type { OrderedCard } from '../../cards/cardOrder.ts'

const kindRank: Record<string, number> = { objective: 0, keyResult: 1, initiative: 2, action: 3 }

/**
 * The cards a round is about, in the order people see them in the panel: the round's own
 * list, or (for a round on every card) every card, objectives first.
 */
export function cardsOfRound(round: PublishedRound, cards: readonly OrderedCard[]): string[] {
  if (round.cardIds) {
    const present = new Set(cards.map((card) => card.id))
    return round.cardIds.filter((id) => present.has(id))
  }
  return cards
    .filter((card) => card.status !== 'dropped')
    .toSorted(
      (a, b) =>
        (kindRank[a.kind] ?? 9) - (kindRank[b.kind] ?? 9) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
    .map((card) => card.id)
}

/** Who put what on each card, from a revealed named round's ballots: card id → [name, n]. */
export function votersByCard(
  ballots: PublishedRound['ballots'],
): Map<string, { name: string; value: number }[]> {
  const byCard = new Map<string, { name: string; value: number }[]>()
  for (const [name, ballot] of Object.entries(ballots ?? {})) {
    const values = 'allocations' in ballot ? ballot.allocations : ballot.answers
    for (const [cardId, value] of Object.entries(values)) {
      if ('allocations' in ballot && value <= 0) continue
      const list = byCard.get(cardId) ?? []
      list.push({ name, value })
      byCard.set(cardId, list)
    }
  }
  for (const list of byCard.values())
    list.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
  return byCard
}
