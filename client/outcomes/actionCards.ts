import type { Editor } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { addCardToTree } from '../cards/cardWrites.ts'
import { requestTitleFocus } from '../shapes/focusRequests.ts'
import { jumpToCard } from '../shapes/jumpToCard.ts'

/** How long to wait for ensureCardShapes to give a new card its shape before giving up. */
const REVEAL_TRIES = 20
const REVEAL_EVERY_MS = 50

/**
 * Add an action (countermeasure) under the key result it adjusts, as the last of its
 * siblings. Its shape is placed under the key result by ensureCardShapes; once it is
 * there, the canvas shows it with the caret in its title, so owner and due date follow.
 */
export function addActionForKeyResult(
  editor: Editor | null,
  board: BoardContextValue,
  keyResultId: string,
): string {
  const cardId = addCardToTree(board.doc, {
    kind: 'action',
    parentId: keyResultId,
    createdBy: board.session.name,
  })
  if (editor) {
    requestTitleFocus('canvas', cardId)
    revealWhenPlaced(editor, cardId, REVEAL_TRIES)
  }
  return cardId
}

function revealWhenPlaced(editor: Editor, cardId: string, triesLeft: number): void {
  if (jumpToCard(editor, cardId) || triesLeft <= 0) return
  setTimeout(() => revealWhenPlaced(editor, cardId, triesLeft - 1), REVEAL_EVERY_MS)
}
