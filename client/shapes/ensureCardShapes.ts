import type { Editor, TLShapeId } from 'tldraw'
import * as Y from 'yjs'
import { getCards } from '../../shared/boardDoc.ts'
import type { CardKind } from '../../shared/cardSchema.ts'
import { cardIdFromShapeId } from '../../shared/ids.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { getCanvasKeyValue } from '../board/canvasKeyValue.ts'
import { isBoardReadOnly } from './boardRegistry.ts'
import { placeCards, type CardToPlace, type Rect } from './cardPlacement.ts'
import { OKR_CARD_TYPE, isOkrCardShape, okrCardShapeId } from './okrCardShape.ts'

/**
 * How long a card created elsewhere may go without a shape before this client places
 * one. Its creator writes the shape right after the card (and another client's canvas
 * flush is throttled), so waiting avoids placing a card that already has a spot.
 */
export const REMOTE_CARD_GRACE_MS = 1500

/**
 * Every card in the `cards` map gets exactly one shape on the canvas, and loses it when
 * the card is deleted:
 * - a card added here without a shape (outline, import) is placed at once;
 * - a card added by someone else, or found on load, is placed after the grace period if
 *   still nobody has placed it. Two clients placing it at once write the same shape id,
 *   so there is still one shape (the last position written wins);
 * - a deleted card's shape is removed (card shapes left behind while this client was
 *   away are swept at load).
 * These changes are not this person's gestures, so they stay out of the undo history.
 * Viewers change nothing.
 */
export function installEnsureCardShapes(editor: Editor, board: BoardContextValue): () => void {
  const { doc } = board
  const cards = getCards(doc)
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let disposed = false

  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!disposed && !isBoardReadOnly(editor)) fn()
    }, ms)
    timers.add(timer)
  }

  const onCardsChanged = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    const added: string[] = []
    const deleted: string[] = []
    for (const [cardId, change] of event.changes.keys) {
      if (change.action === 'add') added.push(cardId)
      if (change.action === 'delete') deleted.push(cardId)
    }
    // Not now: the Yjs event fires inside the writer's code, before a tool that created
    // the card has created its shape (and a store change here would nest in theirs).
    if (added.length > 0) {
      later(
        () => placeMissingShapes(editor, board, added),
        event.transaction.local ? 0 : REMOTE_CARD_GRACE_MS,
      )
    }
    if (deleted.length > 0) later(() => removeShapesOfDeletedCards(editor, board, deleted), 0)
  }

  cards.observe(onCardsChanged)
  later(() => {
    removeShapesOfDeletedCards(editor, board)
    placeMissingShapes(editor, board)
  }, REMOTE_CARD_GRACE_MS)

  return () => {
    disposed = true
    cards.unobserve(onCardsChanged)
    for (const timer of timers) clearTimeout(timer)
  }
}

/** Cards (all, or only `onlyCardIds`) that have no shape here nor in the document. */
function cardsWithoutShape(board: BoardContextValue, editor: Editor, onlyCardIds?: string[]) {
  const cards = getCards(board.doc)
  const canvas = getCanvasKeyValue(board.doc)
  const missing: CardToPlace[] = []
  for (const cardId of onlyCardIds ?? [...cards.keys()]) {
    const card = cards.get(cardId)
    const shapeId = okrCardShapeId(cardId)
    if (!card || editor.store.has(shapeId) || canvas.has(shapeId)) continue
    missing.push({
      id: cardId,
      kind: (card.get('kind') as CardKind | undefined) ?? 'objective',
      parentId: (card.get('parentId') as string | null | undefined) ?? null,
    })
  }
  return missing
}

export function placeMissingShapes(
  editor: Editor,
  board: BoardContextValue,
  onlyCardIds?: string[],
): void {
  const missing = cardsWithoutShape(board, editor, onlyCardIds)
  if (missing.length === 0) return
  const placed = new Map<string, Rect>()
  const occupied: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    const rect = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
    if (isOkrCardShape(shape)) placed.set(shape.props.cardId, rect)
    else if (shape.type !== 'arrow') occupied.push(rect)
  }
  const positions = placeCards(missing, placed, occupied)
  editor.run(
    () => {
      editor.createShapes(
        [...positions].map(([cardId, rect]) => ({
          id: okrCardShapeId(cardId),
          type: OKR_CARD_TYPE,
          x: rect.x,
          y: rect.y,
          props: { w: rect.w, h: rect.h, cardId },
        })),
      )
    },
    { history: 'ignore' },
  )
}

/** Remove card shapes whose card is gone (all of them, or those of `cardIds`). */
export function removeShapesOfDeletedCards(
  editor: Editor,
  board: BoardContextValue,
  cardIds?: string[],
): void {
  const cards = getCards(board.doc)
  const candidates: TLShapeId[] = cardIds
    ? cardIds.map(okrCardShapeId)
    : editor.store
        .allRecords()
        .filter((record) => record.typeName === 'shape' && isOkrCardShape(record))
        .map((record) => record.id as TLShapeId)
  const orphans = candidates.filter((shapeId) => {
    const cardId = cardIdFromShapeId(shapeId)
    // Only a card's own shape; copies are handled by cardShapeCopies.ts.
    return cardId !== null && editor.store.has(shapeId) && !cards.has(cardId)
  })
  if (orphans.length === 0) return
  editor.run(() => editor.deleteShapes(orphans), { history: 'ignore' })
}
