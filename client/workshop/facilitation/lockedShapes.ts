import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { isOkrCardShape, okrCardShapeId } from '../../shapes/okrCardShape.ts'

/** What we need of the control document's `locks` map (a Y.Map, or a Set in tests). */
export interface LockSet {
  has(id: string): boolean
}

function isLockedItself(shape: TLShape, locks: LockSet): boolean {
  // Locks are keyed by shape id; a card may also be locked by its card id (the contract
  // says "card / shape ids"), so both are honoured.
  return locks.has(shape.id) || (isOkrCardShape(shape) && locks.has(shape.props.cardId))
}

/** A shape is locked when it, or a frame or group it sits in, is locked. */
export function isShapeLocked(editor: Editor, locks: LockSet, shape: TLShape | undefined): boolean {
  let current = shape
  while (current) {
    if (isLockedItself(current, locks)) return true
    current = editor.getShapeParent(current)
  }
  return false
}

export function isShapeIdLocked(editor: Editor, locks: LockSet, id: TLShapeId): boolean {
  return isShapeLocked(editor, locks, editor.getShape(id))
}

/** The shape a lock key points at: a shape id as is, a card id through its card shape. */
export function shapeIdOfLockKey(key: string): TLShapeId {
  return (key.startsWith('shape:') ? key : okrCardShapeId(key)) as TLShapeId
}
