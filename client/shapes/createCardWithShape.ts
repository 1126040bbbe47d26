import type { Editor } from 'tldraw'
import type { CardKind } from '../../shared/cardSchema.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { addCardToTree } from '../cards/cardWrites.ts'
import { cardSizeByKind } from './cardSizes.ts'
import { requestTitleFocus } from './focusRequests.ts'
import { OKR_CARD_TYPE, okrCardShapeId } from './okrCardShape.ts'

/**
 * Where the click lands on a new card: on its kind badge, top left. Not on a field: the
 * browser focuses whatever control is under the pointer when the press completes, which
 * would pull the caret out of the title.
 */
const GRAB_POINT = { x: 24, y: 14 }

/**
 * Create a card in the `cards` map and its shape at `point`, then select it and put the
 * caret in its title. The card is written first, so every other client already has the
 * content when the shape reaches it (and ensureCardShapes never places it twice).
 */
export function createCardWithShape(
  editor: Editor,
  board: BoardContextValue,
  options: { kind: CardKind; point: { x: number; y: number }; parentId: string | null },
): string {
  const { kind, point, parentId } = options
  const cardId = addCardToTree(board.doc, { kind, parentId, createdBy: board.session.name })
  const size = cardSizeByKind[kind]
  const shapeId = okrCardShapeId(cardId)
  editor.markHistoryStoppingPoint(`create okr card ${cardId}`)
  editor.createShape({
    id: shapeId,
    type: OKR_CARD_TYPE,
    x: point.x - GRAB_POINT.x,
    y: point.y - GRAB_POINT.y,
    props: { ...size, cardId },
  })
  editor.select(shapeId)
  requestTitleFocus('canvas', cardId)
  return cardId
}
