import { useMemo } from 'react'
import { cardKindLabel, type CardKind } from '../../../shared/cardSchema.ts'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import type { OrderedCard } from '../../cards/cardOrder.ts'
import { useAllCards } from '../../cards/useCardTree.ts'
import { isCardHiddenFrom } from '../facilitation/privateWritingRules.ts'
import { usePrivateWriting } from '../facilitation/usePrivateWriting.ts'

export const PRIVATE_CARD_LABEL = '✎ private until reveal'

export interface CardLabels {
  cards: readonly OrderedCard[]
  byId: ReadonlyMap<string, OrderedCard>
  /** What to call a card in lists: its title, a placeholder, or "private" while hidden. */
  labelOf: (cardId: string) => string
  kindOf: (cardId: string) => CardKind | null
}

/** Every card with the name lists should show for it, live. */
export function useCardLabels(board: BoardContextValue): CardLabels {
  const cards = useAllCards(board.doc)
  const privateWriting = usePrivateWriting(board.controlDoc)
  const viewer = board.session.name
  return useMemo(() => {
    const byId = new Map(cards.map((card) => [card.id, card]))
    const labelOf = (cardId: string) => {
      const card = byId.get(cardId)
      if (!card) return 'A removed card'
      if (isCardHiddenFrom(card, privateWriting, viewer)) return PRIVATE_CARD_LABEL
      return card.title.trim() || `Untitled ${cardKindLabel[card.kind].toLowerCase()}`
    }
    const kindOf = (cardId: string) => byId.get(cardId)?.kind ?? null
    return { cards, byId, labelOf, kindOf }
  }, [cards, privateWriting, viewer])
}
