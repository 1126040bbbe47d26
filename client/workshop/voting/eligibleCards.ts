import type { CardKind } from '../../../shared/cardSchema.ts'

/** Which cards a new round is about, as the facilitator picks it. */
export type EligibleChoice = 'all' | 'objectives' | 'keyResults' | 'selected'

export const eligibleChoiceLabel: Record<EligibleChoice, string> = {
  all: 'All cards',
  objectives: 'Only objectives',
  keyResults: 'Only key results',
  selected: 'The selected cards',
}

/**
 * The `cardIds` to send when opening a round: null means "every card" (the server then
 * accepts any card of the board); otherwise the ids, or an error to show when the choice
 * names no card at all (the server needs at least one).
 */
export function cardIdsForChoice(
  choice: EligibleChoice,
  cards: readonly { id: string; kind: CardKind; status?: string }[],
  selectedIds: readonly string[],
): { cardIds: string[] | null } | { error: string } {
  if (choice === 'all') return { cardIds: null }
  const ids =
    choice === 'selected'
      ? selectedIds.filter((id) => cards.some((card) => card.id === id))
      : cards
          .filter((card) => card.kind === (choice === 'objectives' ? 'objective' : 'keyResult'))
          .filter((card) => card.status !== 'dropped')
          .map((card) => card.id)
  if (ids.length === 0) {
    return {
      error:
        choice === 'selected'
          ? 'Select one or more cards on the canvas first.'
          : `There are no ${choice === 'objectives' ? 'objectives' : 'key results'} yet.`,
    }
  }
  return { cardIds: ids.slice(0, 1000) }
}
