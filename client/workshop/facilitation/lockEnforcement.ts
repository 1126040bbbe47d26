import type { Editor, TLShapeId } from 'tldraw'
import { getLocks } from '../../../shared/controlDoc.ts'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { isShapeIdLocked, isShapeLocked } from './lockedShapes.ts'

/**
 * Locks, enforced in this browser for everyone but the facilitator. Shape records are
 * shared in the board document, so tldraw's own `isLocked` would lock the shape for the
 * facilitator too; instead this client refuses its own changes to locked shapes (and to
 * whatever sits inside a locked frame), refuses to delete them and keeps them out of the
 * selection. Remote changes pass untouched, so the facilitator can still move them.
 *
 * Honest limit: this is enforced by each client, not by the server. A modified client
 * could still change a locked shape; the lock is a workshop aid, not a security boundary.
 */
export function installLockEnforcement(editor: Editor, board: BoardContextValue): () => void {
  if (board.session.role === 'facilitator') return () => undefined
  const locks = getLocks(board.controlDoc)
  const anyLocks = () => locks.size > 0

  const offChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev, next, source) => {
      if (source !== 'user' || !anyLocks()) return next
      if (isShapeLocked(editor, locks, prev)) return prev
      // Dropping a shape into a locked frame would change what is inside it.
      if (next.parentId !== prev.parentId) {
        const parent = editor.getShape(next.parentId as TLShapeId)
        if (isShapeLocked(editor, locks, parent)) return prev
      }
      return next
    },
  )

  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source === 'user' && anyLocks() && isShapeLocked(editor, locks, shape)) return false
    return undefined
  })

  // Locked shapes cannot be selected, so they cannot be dragged, resized or nudged either.
  const offSelect = editor.sideEffects.registerBeforeChangeHandler(
    'instance_page_state',
    (prev, next) => {
      if (!anyLocks() || prev.selectedShapeIds === next.selectedShapeIds) return next
      const allowed = next.selectedShapeIds.filter((id) => !isShapeIdLocked(editor, locks, id))
      return allowed.length === next.selectedShapeIds.length
        ? next
        : { ...next, selectedShapeIds: allowed }
    },
  )

  // A lock that arrives while someone holds the shape selected takes it out of their hands.
  const onLocksChanged = () => {
    const selected = editor.getSelectedShapeIds()
    const allowed = selected.filter((id) => !isShapeIdLocked(editor, locks, id))
    if (allowed.length !== selected.length) editor.setSelectedShapes(allowed)
  }
  locks.observe(onLocksChanged)

  return () => {
    locks.unobserve(onLocksChanged)
    offSelect()
    offDelete()
    offChange()
  }
}
