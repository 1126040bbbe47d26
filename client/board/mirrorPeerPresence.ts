import {
  createUserId,
  InstancePresenceRecordType,
  react,
  type Editor,
  type TLInstancePresence,
  type TLPageId,
  type TLShapeId,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { followAcrossDrops } from './followAcrossDrops.ts'
import { PresencePacer, presencePace } from './presencePacing.ts'
import type { PresenceState } from './presenceState.ts'

/**
 * Turn other people's awareness states into tldraw `instance_presence` records. tldraw then
 * draws their cursors (name, colour), their selections, and can follow their viewport.
 * Records are put with `mergeRemoteChanges` (not ours to undo, not synced back).
 */
interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

export function isPresenceState(value: unknown): value is PresenceState {
  const state = value as Partial<PresenceState> | null
  const user = state?.user
  return (
    !!user &&
    typeof user.id === 'string' &&
    user.id.length > 0 &&
    typeof user.name === 'string' &&
    typeof user.color === 'string'
  )
}

export function presenceRecordId(clientId: number) {
  return InstancePresenceRecordType.createId(String(clientId))
}

/** The record for one peer, or null when their state cannot be shown (no page yet…). */
export function presenceRecordFor(
  clientId: number,
  state: PresenceState,
  lastActivityTimestamp: number,
): TLInstancePresence | null {
  if (typeof state.pageId !== 'string' || !state.pageId.startsWith('page:')) return null
  const cursor = state.cursor
  const viewport = state.viewport
  const hasViewport =
    !!viewport &&
    [viewport.x, viewport.y, viewport.w, viewport.h].every(isFiniteNumber) &&
    viewport.w > 0 &&
    viewport.h > 0
  try {
    const record = InstancePresenceRecordType.create({
      id: presenceRecordId(clientId),
      userId: createUserId(state.user.id),
      userName: state.user.name,
      color: state.user.color,
      currentPageId: state.pageId as TLPageId,
      cursor:
        cursor && isFiniteNumber(cursor.x) && isFiniteNumber(cursor.y)
          ? { x: cursor.x, y: cursor.y, type: 'default', rotation: 0 }
          : null,
      // tldraw's follow reads a viewport as camera + screen size; a camera at zoom 1 whose
      // screen is the viewport's size describes exactly that page rectangle.
      camera: hasViewport ? { x: -viewport.x, y: -viewport.y, z: 1 } : null,
      screenBounds: hasViewport ? { x: 0, y: 0, w: viewport.w, h: viewport.h } : null,
      selectedShapeIds: Array.isArray(state.selectedShapeIds)
        ? (state.selectedShapeIds.filter((id) => typeof id === 'string') as TLShapeId[])
        : [],
      lastActivityTimestamp,
    })
    return InstancePresenceRecordType.validate(record)
  } catch (error) {
    console.warn(`[catchball] ignored presence of client ${clientId}:`, error)
    return null
  }
}

/**
 * Keep tldraw's presence records in step with the awareness of the board room, at the pace
 * presencePacing.ts sets: what someone can see goes in at once (or, with a crowd in view,
 * within a budget of cursor updates a second); a cursor out of sight once a second.
 */
export function mirrorPeerPresence(editor: Editor, awareness: Awareness): () => void {
  const { store } = editor
  const shown = new Set<TLInstancePresence['id']>()
  const followAgainAfterADrop = followAcrossDrops(editor)

  const commit = (puts: TLInstancePresence[], removes: TLInstancePresence['id'][]) => {
    if (puts.length === 0 && removes.length === 0) return
    const followed = editor.getInstanceState().followingUserId
    store.mergeRemoteChanges(() => {
      if (removes.length > 0) store.remove(removes)
      if (puts.length > 0) store.put(puts)
    })
    followAgainAfterADrop(followed)
    for (const id of removes) shown.delete(id)
    for (const record of puts) shown.add(record.id)
  }
  const pacer = new PresencePacer((records) => commit(records, []))

  const apply = ({ added, updated, removed }: AwarenessChange) => {
    const states = awareness.getStates()
    // Peers' clocks differ from ours, so "last active" is when we last saw them change.
    const now = Date.now()
    const view = editor.getViewportPageBounds()
    const following = editor.getInstanceState().followingUserId
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const id = presenceRecordId(clientId)
      const state = states.get(clientId)
      const record = isPresenceState(state) ? presenceRecordFor(clientId, state, now) : null
      if (!record) {
        pacer.forget(id)
        if (shown.has(id)) removes.push(id)
      } else if (pacer.offer(record, presencePace(record, store.get(id), view, following))) {
        puts.push(record)
      }
    }
    for (const clientId of removed) {
      const id = presenceRecordId(clientId)
      pacer.forget(id)
      if (shown.has(id)) removes.push(id)
    }
    commit([...puts, ...pacer.takeDueInSight()], removes)
  }

  apply({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
  awareness.on('change', apply)
  // When our view moves, whoever comes into sight must be where they are now (delivered
  // after this reaction, which only watches the view).
  const stopWatchingView = react('presence waiting for sight', () => {
    editor.getViewportPageBounds()
    pacer.viewMoved()
  })

  return () => {
    awareness.off('change', apply)
    stopWatchingView()
    pacer.dispose()
    const stale = [...shown].filter((id) => store.has(id))
    if (stale.length > 0) store.mergeRemoteChanges(() => store.remove(stale))
    shown.clear()
  }
}
