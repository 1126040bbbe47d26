import type * as Y from 'yjs'
import { createCard, getCardMap, readCard, type NewCard } from '../../shared/boardDoc.ts'
import type { OrderedCard } from '../cards/cardOrder.ts'

/**
 * Cards whose shape this client deleted, kept in memory so that undoing the deletion
 * (or pasting a cut card) brings the same card back, id, texts and all, instead of a
 * shape with no content.
 */
export class CardTombstones {
  private readonly cards = new Map<string, OrderedCard>()

  /** Remember the card as it is now (before it is deleted). */
  remember(doc: Y.Doc, cardId: string): void {
    const map = getCardMap(doc, cardId)
    if (map) this.cards.set(cardId, readCard(cardId, map))
  }

  has(cardId: string): boolean {
    return this.cards.has(cardId)
  }

  /** Recreate a remembered card under its own id. False if there is nothing to restore. */
  restore(doc: Y.Doc, cardId: string): boolean {
    const card = this.cards.get(cardId)
    if (!card || getCardMap(doc, cardId)) return false
    doc.transact(() => {
      createCard(doc, toNewCard(card, { id: cardId, createdBy: card.createdBy }))
      // Keep the original creation time: it orders cards that have no `order`.
      getCardMap(doc, cardId)?.set('createdAt', card.createdAt)
    })
    this.cards.delete(cardId)
    return true
  }
}

/** The input for createCard that reproduces `card` (texts, fields and order). */
export function toNewCard(
  card: OrderedCard,
  overrides: { id?: string; createdBy: string },
): NewCard & { order?: number } {
  const { id: _id, title, notes, createdAt: _createdAt, createdBy: _createdBy, ...fields } = card
  void _id
  void _createdAt
  void _createdBy
  return { ...fields, title, notes, ...overrides }
}
