import { createPortal } from 'react-dom'
import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import { LockIcon } from './icons.tsx'
import { shapeIdOfLockKey } from './lockedShapes.ts'
import { useLockedIds } from './useLocks.ts'

/** Keep badges off the watermark's corner: a badge there is simply not drawn. */
const WATERMARK_CORNER = { w: 140, h: 44 }

/**
 * A small lock at the top-right corner of every locked shape (cards and frames alike),
 * for everyone. Drawn in tldraw's container between the canvas and its UI (and below the
 * "made with tldraw" watermark), never taking the pointer.
 */
export function LockedShapesOverlay(props: { editor: Editor; controlDoc: Y.Doc }) {
  const { editor, controlDoc } = props
  const locks = useLockedIds(controlDoc)
  const badges = useValue(
    'locked shape badges',
    () => {
      if (locks.size === 0) return []
      const viewport = editor.getViewportScreenBounds()
      const pageId = editor.getCurrentPageId()
      const out: { id: string; x: number; y: number }[] = []
      for (const key of locks) {
        const id = shapeIdOfLockKey(key)
        const shape = editor.getShape(id)
        if (!shape || editor.getAncestorPageId(shape) !== pageId) continue
        const bounds = editor.getShapePageBounds(shape)
        if (!bounds) continue
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        const inWatermark =
          corner.x > viewport.w - WATERMARK_CORNER.w && corner.y > viewport.h - WATERMARK_CORNER.h
        if (corner.x < 0 || corner.y < 0 || corner.x > viewport.w || corner.y > viewport.h) continue
        if (!inWatermark) out.push({ id, x: corner.x, y: corner.y })
      }
      return out
    },
    [editor, locks],
  )
  if (badges.length === 0) return null
  return createPortal(
    <div className="cb-lock-layer" aria-hidden="true">
      {badges.map((badge) => (
        <span
          key={badge.id}
          className="cb-lock-badge"
          data-testid={`lock-badge-${badge.id}`}
          title="Locked by the facilitator"
          style={{ transform: `translate(${badge.x - 12}px, ${badge.y - 12}px)` }}
        >
          <LockIcon />
        </span>
      ))}
    </div>,
    editor.getContainer(),
  )
}
