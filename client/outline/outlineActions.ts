import type * as Y from 'yjs'
import type { CardKind } from '../../shared/cardSchema.ts'
import { moveAmongSiblings } from '../cards/cardOrder.ts'
import type { CardTree } from '../cards/cardTree.ts'
import { siblingsOf } from '../cards/cardTree.ts'
import { addCardToTree, applyOrderPatches } from '../cards/cardWrites.ts'
import { requestTitleFocus } from '../shapes/focusRequests.ts'

/**
 * Add a card from the outline, last among its siblings, with the caret ready in its
 * outline title. Its canvas shape follows from ensureCardShapes.
 */
export function addCardFromOutline(
  doc: Y.Doc,
  options: { kind: CardKind; parentId: string | null; createdBy: string },
): string {
  const cardId = addCardToTree(doc, options)
  requestTitleFocus('outline', cardId)
  return cardId
}

/** Move a card one place up or down among its siblings (writes `order`). */
export function moveCardInOutline(
  doc: Y.Doc,
  tree: CardTree,
  cardId: string,
  direction: -1 | 1,
): void {
  applyOrderPatches(doc, moveAmongSiblings(siblingsOf(tree, cardId), cardId, direction))
}
