import type { Editor } from 'tldraw'
import { okrCardShapeId } from './okrCardShape.ts'

/** Zoom to at most 100 % so a card is readable; a larger card is fitted instead. */
const READABLE_ZOOM = 1

/**
 * Bring a card's shape into view, switching page if needed, and select it. Returns false
 * when the card has no shape (yet).
 */
export function jumpToCard(editor: Editor, cardId: string): boolean {
  const id = okrCardShapeId(cardId)
  const shape = editor.getShape(id)
  if (!shape) return false
  const pageId = editor.getAncestorPageId(shape)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  editor.select(id)
  const bounds = editor.getShapePageBounds(id)
  if (bounds) {
    editor.zoomToBounds(bounds, {
      targetZoom: READABLE_ZOOM,
      inset: 64,
      animation: { duration: 300 },
    })
  }
  return true
}
