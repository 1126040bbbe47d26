import type { Editor, TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { createCard, getCardMap, readCard, type NewCard } from '../../shared/boardDoc.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { randomId } from '../../shared/ids.ts'
import { nextSiblingOrder } from '../cards/cardWrites.ts'
import { isBoardReadOnly } from './boardRegistry.ts'
import { toNewCard, type CardTombstones } from './cardSnapshots.ts'
import { isOkrCardShape, okrCardShapeId, type OkrCardShape } from './okrCardShape.ts'

/** How often to look again while the person is still dragging the copy. */
const RETRY_MS = 250

/**
 * tldraw's copy/paste, duplicate (Ctrl+D) and Alt-drag make shapes with fresh ids, which
 * would give one card a second shape. Once the gesture is over, each such copy becomes a
 * proper card shape (id `cardShapeId(cardId)`):
 * - a copy of a card that still has its shape becomes a new card with the same content;
 * - a pasted cut card (its shape is gone) gets its own card back, from the tombstone if
 *   the cut already deleted it;
 * - a copy of a card this board does not have (pasted from another board) is removed.
 * The swap is kept out of the undo history, so undo never re-creates a copy to convert.
 */
export function installCardShapeCopies(
  editor: Editor,
  board: BoardContextValue,
  tombstones: CardTombstones,
): () => void {
  const copies = new Set<TLShapeId>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const convertWhenIdle = () => {
    timer = undefined
    if (isBoardReadOnly(editor)) return copies.clear()
    if (!editor.isIn('select.idle')) {
      timer = setTimeout(convertWhenIdle, RETRY_MS)
      return
    }
    const shapes = [...copies]
      .map((id) => editor.getShape(id))
      .filter((shape): shape is OkrCardShape => isOkrCardShape(shape))
    copies.clear()
    if (shapes.length > 0) convertCopies(editor, board, tombstones, shapes)
  }

  const offCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isOkrCardShape(shape)) return
    if (shape.id === okrCardShapeId(shape.props.cardId)) return
    copies.add(shape.id)
    if (timer === undefined) timer = setTimeout(convertWhenIdle, 0)
  })

  return () => {
    offCreate()
    if (timer !== undefined) clearTimeout(timer)
  }
}

function convertCopies(
  editor: Editor,
  board: BoardContextValue,
  tombstones: CardTombstones,
  copies: OkrCardShape[],
): void {
  const { doc } = board
  const selected = new Set(editor.getSelectedShapeIds())
  const nextSelection: TLShapeId[] = []
  editor.run(
    () => {
      for (const copy of copies) {
        const cardId = cardForCopy(editor, doc, tombstones, copy, board.session.name)
        editor.deleteShapes([copy.id])
        if (!cardId) continue
        const id = okrCardShapeId(cardId)
        editor.createShape({
          id,
          type: copy.type,
          parentId: copy.parentId,
          index: copy.index,
          x: copy.x,
          y: copy.y,
          rotation: copy.rotation,
          props: { ...copy.props, cardId },
        })
        if (selected.has(copy.id)) nextSelection.push(id)
      }
      if (nextSelection.length > 0) editor.setSelectedShapes(nextSelection)
    },
    { history: 'ignore' },
  )
}

/** The card the copy should show (created or restored as needed), or null to drop it. */
function cardForCopy(
  editor: Editor,
  doc: Y.Doc,
  tombstones: CardTombstones,
  copy: OkrCardShape,
  createdBy: string,
): string | null {
  const sourceId = copy.props.cardId
  const source = getCardMap(doc, sourceId)
  const sourceHasShape = editor.store.has(okrCardShapeId(sourceId))
  if (source && !sourceHasShape) return sourceId
  if (!source) return tombstones.restore(doc, sourceId) ? sourceId : null
  const card = readCard(sourceId, source)
  // A duplicate is a new draft with the same words, placed last among its siblings.
  const duplicate: NewCard & { order: number } = {
    ...toNewCard(card, { id: randomId(), createdBy }),
    order: nextSiblingOrder(doc, card.kind, card.parentId),
    status: 'draft',
    holder: '',
    grade: null,
  }
  return createCard(doc, duplicate)
}
