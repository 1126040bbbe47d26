import type { Editor, JsonObject, TLArrowShape, TLShape, TLShapeId } from 'tldraw'
import { getCardMap, getCards, updateCard } from '../../shared/boardDoc.ts'
import type { CardKind } from '../../shared/cardSchema.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { checkAlignment } from '../cards/alignmentRules.ts'
import { isBoardReadOnly } from './boardRegistry.ts'
import { isOkrCardShape } from './okrCardShape.ts'

/** Arrow meta key recording the alignment an arrow made: `{ childCardId, parentCardId }`. */
export const ALIGNMENT_META_KEY = 'okrAlignment'

interface Alignment {
  childCardId: string
  parentCardId: string
}

/**
 * Alignment by drawing arrows: an arrow bound at its start to a card and at its end to
 * another card says "start aligns to end", so the start card's `parentId` becomes the end
 * card when the kinds allow it (a key result → objective, objective → parent objective,
 * initiative or action → key result) and it makes no loop.
 *
 * The arrow owns the alignment it made (recorded in its meta): deleting the arrow, or
 * pulling one of its ends off, clears that parent again, but only if the parent is still
 * the one the arrow set; a parent chosen since then, e.g. in the outline, is left alone.
 *
 * Only this person's own arrow changes are acted on; remote ones were handled by their
 * author. Arrows are looked at after the change settles (dragging an end fires many
 * binding updates).
 */
export function installArrowAlignment(editor: Editor, board: BoardContextValue): () => void {
  const arrowsToCheck = new Set<TLShapeId>()
  const removedAlignments: Alignment[] = []
  let scheduled = false
  let disposed = false

  const settle = () => {
    scheduled = false
    if (disposed || isBoardReadOnly(editor)) {
      arrowsToCheck.clear()
      removedAlignments.length = 0
      return
    }
    for (const alignment of removedAlignments.splice(0)) clearAlignment(board, alignment)
    for (const arrowId of arrowsToCheck) {
      const arrow = editor.getShape(arrowId)
      if (arrow?.type === 'arrow') updateArrowAlignment(editor, board, arrow)
    }
    arrowsToCheck.clear()
  }
  const check = (arrowId: TLShapeId) => {
    arrowsToCheck.add(arrowId)
    if (!scheduled) {
      scheduled = true
      queueMicrotask(settle)
    }
  }

  const offs = [
    editor.sideEffects.registerAfterCreateHandler('binding', (binding, source) => {
      if (source === 'user' && binding.type === 'arrow') check(binding.fromId)
    }),
    editor.sideEffects.registerAfterChangeHandler('binding', (_before, binding, source) => {
      if (source === 'user' && binding.type === 'arrow') check(binding.fromId)
    }),
    editor.sideEffects.registerAfterDeleteHandler('binding', (binding, source) => {
      if (source === 'user' && binding.type === 'arrow') check(binding.fromId)
    }),
    editor.sideEffects.registerAfterDeleteHandler('shape', (shape, source) => {
      const alignment = source === 'user' ? alignmentOf(shape) : null
      if (!alignment) return
      removedAlignments.push(alignment)
      if (!scheduled) {
        scheduled = true
        queueMicrotask(settle)
      }
    }),
  ]
  return () => {
    disposed = true
    offs.forEach((off) => off())
  }
}

function updateArrowAlignment(editor: Editor, board: BoardContextValue, arrow: TLArrowShape) {
  const previous = alignmentOf(arrow)
  const next = alignmentFromBindings(editor, board, arrow)
  if (previous && !sameAlignment(previous, next)) {
    // The arrow now says something else (or nothing): undo what it said before, unless
    // the same child is simply getting a new parent below.
    if (previous.childCardId !== next?.childCardId) clearAlignment(board, previous)
  }
  if (next) {
    const current = getCardMap(board.doc, next.childCardId)?.get('parentId') ?? null
    if (current !== next.parentCardId) {
      updateCard(board.doc, next.childCardId, { parentId: next.parentCardId })
    }
  }
  if (!sameAlignment(previous, next)) {
    const meta: JsonObject = { ...arrow.meta }
    if (next) meta[ALIGNMENT_META_KEY] = { ...next }
    else delete meta[ALIGNMENT_META_KEY]
    // Bookkeeping for the gesture that just happened: not a separate undo step.
    editor.run(() => editor.updateShape({ id: arrow.id, type: 'arrow', meta }), {
      history: 'ignore',
    })
  }
}

/** The alignment an arrow's bindings describe, if both ends are on cards that may align. */
function alignmentFromBindings(
  editor: Editor,
  board: BoardContextValue,
  arrow: TLArrowShape,
): Alignment | null {
  const bindings = editor.getBindingsFromShape(arrow, 'arrow')
  const start = bindings.find((binding) => binding.props.terminal === 'start')
  const end = bindings.find((binding) => binding.props.terminal === 'end')
  if (!start || !end) return null
  const childShape = editor.getShape(start.toId)
  const parentShape = editor.getShape(end.toId)
  if (!isOkrCardShape(childShape) || !isOkrCardShape(parentShape)) return null
  const child = cardKindAndId(board, childShape.props.cardId)
  const parent = cardKindAndId(board, parentShape.props.cardId)
  if (!child || !parent) return null
  const cards = getCards(board.doc)
  const parentOf = (id: string) => (cards.get(id)?.get('parentId') as string | null) ?? null
  const verdict = checkAlignment(child, parent, parentOf)
  return verdict.ok ? { childCardId: child.id, parentCardId: parent.id } : null
}

function cardKindAndId(board: BoardContextValue, cardId: string) {
  const kind = getCardMap(board.doc, cardId)?.get('kind') as CardKind | undefined
  return kind ? { id: cardId, kind } : null
}

/** Clear the parent an arrow set, if nobody has changed it since. */
function clearAlignment(board: BoardContextValue, alignment: Alignment) {
  const child = getCardMap(board.doc, alignment.childCardId)
  if (child?.get('parentId') === alignment.parentCardId) {
    updateCard(board.doc, alignment.childCardId, { parentId: null })
  }
}

function alignmentOf(shape: TLShape): Alignment | null {
  if (shape.type !== 'arrow') return null
  const value = shape.meta[ALIGNMENT_META_KEY]
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const { childCardId, parentCardId } = value as Record<string, unknown>
  if (typeof childCardId !== 'string' || typeof parentCardId !== 'string') return null
  return { childCardId, parentCardId }
}

function sameAlignment(a: Alignment | null, b: Alignment | null): boolean {
  return a?.childCardId === b?.childCardId && a?.parentCardId === b?.parentCardId
}
