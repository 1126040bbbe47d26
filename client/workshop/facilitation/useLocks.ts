import { useMemo, useSyncExternalStore } from 'react'
import { useMaybeEditor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { getLocks } from '../../../shared/controlDoc.ts'
import { okrCardShapeId } from '../../shapes/okrCardShape.ts'
import { isShapeIdLocked } from './lockedShapes.ts'
import { observedSnapshot, type SnapshotStore } from './observedSnapshot.ts'
import { useBoardAnywhere } from './useBoardAnywhere.ts'

const NO_LOCKS: ReadonlySet<string> = new Set()
const noSubscription = () => () => undefined
const noLocks = () => NO_LOCKS
const stores = new WeakMap<Y.Doc, SnapshotStore<ReadonlySet<string>>>()

function locksStore(controlDoc: Y.Doc): SnapshotStore<ReadonlySet<string>> {
  let store = stores.get(controlDoc)
  if (!store) {
    const locks = getLocks(controlDoc)
    store = observedSnapshot(
      locks,
      () => new Set([...locks.entries()].filter(([, on]) => on).map(([id]) => id)),
    )
    stores.set(controlDoc, store)
  }
  return store
}

/** The locked shape (or card) ids of the control document, live. */
export function useLockedIds(controlDoc: Y.Doc | null): ReadonlySet<string> {
  const store = useMemo(() => (controlDoc ? locksStore(controlDoc) : null), [controlDoc])
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? noLocks)
}

/**
 * Whether a card is locked, and whether that stops *me* from editing it (everyone but the
 * facilitator). Works on the canvas (a lock on the frame around the card counts) and
 * outside it, e.g. in the outline (then only a lock on the card itself counts).
 *
 * Locks are enforced by each client (this hook, and lockEnforcement.ts on the canvas), not
 * by the server: a modified client could still edit a locked card.
 */
export function useCardLock(cardId: string): { locked: boolean; lockedForMe: boolean } {
  const board = useBoardAnywhere()
  const editor = useMaybeEditor()
  const locks = useLockedIds(board?.controlDoc ?? null)
  const shapeId = okrCardShapeId(cardId)
  const locked = useValue(
    'card locked',
    () =>
      locks.size > 0 &&
      (editor
        ? isShapeIdLocked(editor, locks, shapeId) || locks.has(cardId)
        : locks.has(shapeId) || locks.has(cardId)),
    [editor, locks, shapeId, cardId],
  )
  return { locked, lockedForMe: locked && board?.session.role !== 'facilitator' }
}

/** True when this person may not edit the card because the facilitator locked it. */
export function useIsCardLocked(cardId: string): boolean {
  return useCardLock(cardId).lockedForMe
}
