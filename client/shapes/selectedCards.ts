import type { Editor } from 'tldraw'
import { getCardMap } from '../../shared/boardDoc.ts'
import type { CardKind } from '../../shared/cardSchema.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { isOkrCardShape } from './okrCardShape.ts'

/** The card ids and kinds of the okr-card shapes currently selected. */
export function selectedCards(
  editor: Editor,
  board: BoardContextValue,
): { cardId: string; kind: CardKind }[] {
  const cards: { cardId: string; kind: CardKind }[] = []
  for (const shape of editor.getSelectedShapes()) {
    if (!isOkrCardShape(shape)) continue
    const kind = getCardMap(board.doc, shape.props.cardId)?.get('kind') as CardKind | undefined
    if (kind) cards.push({ cardId: shape.props.cardId, kind })
  }
  return cards
}

/** The one selected card of `kind`, or null when there is none or more than one. */
export function singleSelectedCardOfKind(
  editor: Editor,
  board: BoardContextValue,
  kind: CardKind,
): string | null {
  const matching = selectedCards(editor, board).filter((card) => card.kind === kind)
  return matching.length === 1 ? matching[0].cardId : null
}
