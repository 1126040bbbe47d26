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
import { isWantedAtOnce, OUT_OF_SIGHT_EVERY_MS } from './presenceInterest.ts'
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
 * Keep tldraw's presence records in step with the awareness of the board room. Changes
 * someone can see go in at once; a cursor moving out of sight waits for the next
 * out-of-sight round (see presenceInterest.ts), or until our view moves.
 */
export function mirrorPeerPresence(editor: Editor, awareness: Awareness): () => void {
  const { store } = editor
  const shown = new Set<TLInstancePresence['id']>()
  const waiting = new Map<TLInstancePresence['id'], TLInstancePresence>()
  let waitTimer: ReturnType<typeof setTimeout> | null = null
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

  const flushWaiting = () => {
    if (waitTimer !== null) clearTimeout(waitTimer)
    waitTimer = null
    const puts = [...waiting.values()]
    waiting.clear()
    commit(puts, [])
  }

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
        waiting.delete(id)
        if (shown.has(id)) removes.push(id)
      } else if (isWantedAtOnce(record, store.get(id), view, following)) {
        waiting.delete(id)
        puts.push(record)
      } else {
        waiting.set(id, record)
        waitTimer ??= setTimeout(flushWaiting, OUT_OF_SIGHT_EVERY_MS)
      }
    }
    for (const clientId of removed) {
      const id = presenceRecordId(clientId)
      waiting.delete(id)
      if (shown.has(id)) removes.push(id)
    }
    commit(puts, removes)
  }

  apply({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
  awareness.on('change', apply)
  // When our view moves, whoever comes into sight must be where they are now: the waiting
  // changes go in right after (not inside this reaction, which only watches the view).
  const stopWatchingView = react('presence waiting for sight', () => {
    editor.getViewportPageBounds()
    if (waiting.size === 0) return
    if (waitTimer !== null) clearTimeout(waitTimer)
    waitTimer = setTimeout(flushWaiting, 0)
  })

  return () => {
    awareness.off('change', apply)
    stopWatchingView()
    if (waitTimer !== null) clearTimeout(waitTimer)
    waiting.clear()
    const stale = [...shown].filter((id) => store.has(id))
    if (stale.length > 0) store.mergeRemoteChanges(() => store.remove(stale))
    shown.clear()
  }
}
