import type { Editor } from 'tldraw'
import { deleteCard, getCardMap } from '../../shared/boardDoc.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { isBoardReadOnly } from './boardRegistry.ts'
import type { CardTombstones } from './cardSnapshots.ts'
import { isOkrCardShape, okrCardShapeId } from './okrCardShape.ts'

/**
 * Keeps the `cards` map in step with what this person does to card shapes:
 * - deleting a card's shape deletes the card (its children keep existing, unaligned);
 * - undoing that deletion brings the card back from a tombstone.
 *
 * Only changes this client makes count (`source === 'user'`): a shape removed by a remote
 * change was deleted, card and all, by the client that removed it. The board's canvas
 * binding must therefore apply remote records inside `store.mergeRemoteChanges`.
 *
 * The check runs a moment later, not in the delete handler: tldraw moves shapes between
 * pages by deleting and re-creating them under the same id, and such a card is still needed.
 */
export function installCardShapeLifecycle(
  editor: Editor,
  board: BoardContextValue,
  tombstones: CardTombstones,
): () => void {
  const { doc } = board
  const deletedCardIds = new Set<string>()
  const createdCardIds = new Set<string>()
  let scheduled = false
  let disposed = false

  const settle = () => {
    scheduled = false
    if (disposed || isBoardReadOnly(editor)) {
      deletedCardIds.clear()
      createdCardIds.clear()
      return
    }
    for (const cardId of deletedCardIds) {
      if (editor.store.has(okrCardShapeId(cardId)) || !getCardMap(doc, cardId)) continue
      tombstones.remember(doc, cardId)
      deleteCard(doc, cardId)
    }
    for (const cardId of createdCardIds) {
      // Undo (or redo) re-created the shape of a card we deleted.
      if (editor.store.has(okrCardShapeId(cardId))) tombstones.restore(doc, cardId)
    }
    deletedCardIds.clear()
    createdCardIds.clear()
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    queueMicrotask(settle)
  }

  const offDelete = editor.sideEffects.registerAfterDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || !isOkrCardShape(shape)) return
    // A stray copy (see cardShapeCopies.ts) does not own the card it points at.
    if (shape.id !== okrCardShapeId(shape.props.cardId)) return
    deletedCardIds.add(shape.props.cardId)
    schedule()
  })
  const offCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isOkrCardShape(shape)) return
    if (shape.id !== okrCardShapeId(shape.props.cardId)) return
    if (!tombstones.has(shape.props.cardId)) return
    createdCardIds.add(shape.props.cardId)
    schedule()
  })

  return () => {
    disposed = true
    offDelete()
    offCreate()
  }
}
