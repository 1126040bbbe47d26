import {
  atom,
  Box,
  createTLStore,
  createUserId,
  type Editor,
  type TLInstancePresence,
} from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { mirrorPeerPresence, presenceRecordId } from '../../client/board/mirrorPeerPresence.ts'
import { OUT_OF_SIGHT_EVERY_MS } from '../../client/board/presenceInterest.ts'
import type { PresenceState } from '../../client/board/presenceState.ts'

/**
 * Others' presence goes into tldraw's store, which draws their cursors. What we can see
 * moves at once; a cursor moving out of sight (it only moves an arrow at the screen's edge)
 * waits up to a second, so a crowd's cursors do not keep the page busy. Real tldraw store
 * and y-protocols awareness; the editor's view and following are a small fake.
 */
const VIEW = new Box(0, 0, 1000, 600)
const FAR = { x: 5000, y: 5000 }

function boardPage() {
  const store = createTLStore({})
  const view = atom('view', VIEW)
  let following: string | null = null
  const editor = {
    store,
    getViewportPageBounds: () => view.get(),
    getInstanceState: () => ({ followingUserId: following }),
    getCollaborators: () => store.allRecords().filter((r) => r.typeName === 'instance_presence'),
    startFollowingUser: (userId: string) => {
      following = userId
    },
  }
  const ours = new Awareness(new Y.Doc())
  const stop = mirrorPeerPresence(editor as unknown as Editor, ours)
  const peers = new Map<string, Awareness>()

  const peer = (name: string) => {
    let awareness = peers.get(name)
    if (!awareness) {
      awareness = new Awareness(new Y.Doc())
      peers.set(name, awareness)
    }
    return awareness
  }
  /** `name` points at `cursor`: their new state reaches us the way the provider applies it. */
  const moves = (name: string, cursor: { x: number; y: number }) => {
    const awareness = peer(name)
    const state: PresenceState = {
      user: { id: `user-${name}`, name, color: '#4f7cff', role: 'participant' },
      cursor,
      pageId: 'page:page',
      viewport: null,
      selectedShapeIds: [],
      editingCardId: null,
      lastActivity: Date.now(),
    }
    awareness.setLocalState(state)
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'server')
  }
  const leaves = (name: string) => {
    const awareness = peer(name)
    removeAwarenessStates(awareness, [awareness.clientID], 'leaving')
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'server')
  }
  /** Where our tldraw draws `name`'s cursor (undefined: not on our board). */
  const drawnAt = (name: string) => {
    const record = store.get(presenceRecordId(peer(name).clientID)) as
      TLInstancePresence | undefined
    return record?.cursor ? { x: record.cursor.x, y: record.cursor.y } : undefined
  }
  const close = () => {
    stop()
    ours.destroy()
    for (const awareness of peers.values()) awareness.destroy()
  }
  return {
    moves,
    leaves,
    drawnAt,
    view,
    // tldraw keeps whom we follow as their presence's user id.
    follow: (name: string) => (following = createUserId(`user-${name}`)),
    close,
  }
}

describe('mirroring presence into tldraw', () => {
  let page: ReturnType<typeof boardPage>
  beforeEach(() => {
    vi.useFakeTimers()
    page = boardPage()
  })
  afterEach(() => {
    page.close()
    vi.useRealTimers()
  })

  it('moves a cursor in sight at once, every time', () => {
    page.moves('Ada', { x: 100, y: 100 })
    expect(page.drawnAt('Ada')).toEqual({ x: 100, y: 100 })
    page.moves('Ada', { x: 120, y: 90 })
    expect(page.drawnAt('Ada')).toEqual({ x: 120, y: 90 })
  })

  it('shows a newcomer at once, even out of sight, then moves them out of sight once a second', () => {
    page.moves('Bo', FAR)
    expect(page.drawnAt('Bo')).toEqual(FAR)
    page.moves('Bo', { x: 5100, y: 5000 })
    page.moves('Bo', { x: 5200, y: 5000 })
    expect(page.drawnAt('Bo')).toEqual(FAR)
    vi.advanceTimersByTime(OUT_OF_SIGHT_EVERY_MS - 1)
    expect(page.drawnAt('Bo')).toEqual(FAR)
    vi.advanceTimersByTime(1)
    // Their latest place, not each step on the way.
    expect(page.drawnAt('Bo')).toEqual({ x: 5200, y: 5000 })
  })

  it('moves a cursor at once when it comes into sight or leaves it', () => {
    page.moves('Cy', FAR)
    page.moves('Cy', { x: 500, y: 300 })
    expect(page.drawnAt('Cy')).toEqual({ x: 500, y: 300 })
    page.moves('Cy', FAR)
    // Not left drawn in view where it no longer is.
    expect(page.drawnAt('Cy')).toEqual(FAR)
  })

  it('shows where someone out of sight is now as soon as our view moves onto them', () => {
    page.moves('Di', FAR)
    page.moves('Di', { x: 5050, y: 5050 })
    page.view.set(new Box(4800, 4800, 1000, 600))
    vi.advanceTimersByTime(0)
    expect(page.drawnAt('Di')).toEqual({ x: 5050, y: 5050 })
  })

  it('moves the person we follow at once wherever they are', () => {
    page.moves('Eve', FAR)
    page.follow('Eve')
    page.moves('Eve', { x: 5300, y: 5000 })
    expect(page.drawnAt('Eve')).toEqual({ x: 5300, y: 5000 })
  })

  it('does not bring back someone who left while their move was waiting', () => {
    page.moves('Fay', FAR)
    page.moves('Fay', { x: 5100, y: 5000 })
    page.leaves('Fay')
    expect(page.drawnAt('Fay')).toBeUndefined()
    vi.advanceTimersByTime(OUT_OF_SIGHT_EVERY_MS)
    expect(page.drawnAt('Fay')).toBeUndefined()
  })
})
