import { computed, useEditor, useValue, type Computed, type Editor, type TLShapeId } from 'tldraw'
import { OKR_CARD_TYPE } from './okrCardShape.ts'

/**
 * How much of a card is worth mounting. A board after a workshop holds hundreds of cards,
 * and each full card is a small form (selects, text areas, inputs, Yjs observers): mounting
 * 1,000 of them is what made a big board take seconds to open. tldraw hides shapes outside
 * the viewport but still renders them, so a card decides for itself:
 * - `hidden`: tldraw culled it (off screen, not selected) — an empty box is enough;
 * - `summary`: zoomed out over many cards, each too small to read or click — a read-only
 *   summary (kind, title, status, owner) that looks like the card;
 * - `full`: the editable card. A few cards stay full at any zoom (a PDCA board fitted to
 *   the screen keeps its dots, hints and fields).
 */
export type CardDetail = 'hidden' | 'summary' | 'full'

/** Below this zoom a card's 13 px text is under ~6 px on screen: read, not edited. */
export const SUMMARY_BELOW_ZOOM = 0.45
/** With up to this many cards on screen, full cards stay cheap enough at any zoom. */
export const FULL_DETAIL_MAX_CARDS = 60

export function useCardDetail(shapeId: TLShapeId): CardDetail {
  const editor = useEditor()
  return useValue(
    'card detail',
    () => {
      if (editor.getCulledShapes().has(shapeId)) return 'hidden'
      // The efficient zoom is cached while the camera moves, so zooming with many cards on
      // screen does not re-render each of them on every frame.
      const far = editor.getEfficientZoomLevel() < SUMMARY_BELOW_ZOOM
      return far && cardsOnScreen(editor).get() > FULL_DETAIL_MAX_CARDS ? 'summary' : 'full'
    },
    [editor, shapeId],
  )
}

const cardsOnScreenByEditor = new WeakMap<Editor, Computed<number>>()

/** Cards tldraw has not culled: one count per editor, shared by every card. */
function cardsOnScreen(editor: Editor): Computed<number> {
  let count = cardsOnScreenByEditor.get(editor)
  if (!count) {
    count = computed('okr cards on screen', () => {
      const culled = editor.getCulledShapes()
      let n = 0
      for (const id of editor.getCurrentPageShapeIds()) {
        if (!culled.has(id) && editor.getShape(id)?.type === OKR_CARD_TYPE) n++
      }
      return n
    })
    cardsOnScreenByEditor.set(editor, count)
  }
  return count
}
