import type * as Y from 'yjs'
import { createCard, getCards, updateCard, type NewCard } from '../../shared/boardDoc.ts'
import type { CardFields, CardKind } from '../../shared/cardSchema.ts'
import { nextOrder, type OrderPatch } from './cardOrder.ts'
import { siblingGroup } from './cardTree.ts'

/**
 * Writes the outline and the canvas share. They go through shared/boardDoc.ts; what is
 * added here is the `order` field, an extra key on the card's Y.Map.
 */
export interface NewTreeCard {
  kind: CardKind
  parentId: string | null
  createdBy: string
  id?: string
}

/** The `order` that puts a new card of `kind` under `parentId` after its siblings. */
export function nextSiblingOrder(doc: Y.Doc, kind: CardKind, parentId: string | null): number {
  const siblings: { order?: number }[] = []
  for (const map of getCards(doc).values()) {
    const siblingKind = map.get('kind') as CardKind
    const siblingParent = (map.get('parentId') as string | null | undefined) ?? null
    if (siblingParent === parentId && siblingGroup(siblingKind) === siblingGroup(kind)) {
      siblings.push({ order: map.get('order') as number | undefined })
    }
  }
  return nextOrder(siblings)
}

/** Create a card as the last of its siblings. Returns its id. */
export function addCardToTree(doc: Y.Doc, card: NewTreeCard): string {
  const input: NewCard & { order: number } = {
    ...card,
    order: nextSiblingOrder(doc, card.kind, card.parentId),
  }
  return createCard(doc, input)
}

/** Write new sibling orders (from moveAmongSiblings) in one transaction. */
export function applyOrderPatches(doc: Y.Doc, patches: readonly OrderPatch[]): void {
  if (patches.length === 0) return
  doc.transact(() => {
    for (const { id, order } of patches) {
      const patch: Partial<CardFields> & { order: number } = { order }
      updateCard(doc, id, patch)
    }
  })
}
