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
import {
  IN_SIGHT_UPDATES_PER_SECOND,
  OUT_OF_SIGHT_EVERY_MS,
} from '../../client/board/presencePacing.ts'
import type { PresenceState } from '../../client/board/presenceState.ts'

/**
 * Others' presence goes into tldraw's store, which draws their cursors. What we can see
 * moves at once (with a crowd in view, within a budget of updates a second); a cursor moving
 * out of sight (it only moves an arrow at the screen's edge) waits up to a second, so a
 * crowd's cursors do not keep the page busy. Real tldraw store and y-protocols awareness;
 * the editor's view and following are a small fake. Cursor changes arrive a server tick
 * apart (100 ms in a busy room).
 */
const VIEW = new Box(0, 0, 1000, 600)
const TICK_MS = 100
const tick = () => vi.advanceTimersByTime(TICK_MS)
/** Where person i of a room points at a step: all of them in sight, one pixel a step. */
const spot = (i: number, step: number) => ({ x: 10 + 8 * i + step, y: 10 + 4 * i })
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
  let puts = 0
  const put = store.put.bind(store)
  store.put = (records, ...rest) => {
    puts += records.filter((r) => r.typeName === 'instance_presence').length
    return put(records, ...rest)
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
  /**
   * Each of `moves` points at its cursor; their new states reach us in one awareness update,
   * as the server sends a tick's changes, applied the way the provider applies it.
   */
  const allMove = (moves: [name: string, cursor: { x: number; y: number }][]) => {
    const server = new Awareness(new Y.Doc())
    for (const [name, cursor] of moves) {
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
      applyAwarenessUpdate(server, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'peer')
    }
    const ids = moves.map(([name]) => peer(name).clientID)
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(server, ids), 'server')
    server.destroy()
  }
  const moves = (name: string, cursor: { x: number; y: number }) => allMove([[name, cursor]])
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
  /** Presence records handed to tldraw's store so far (each one costs the page). */
  const presencePuts = () => puts
  const close = () => {
    stop()
    ours.destroy()
    for (const awareness of peers.values()) awareness.destroy()
  }
  return {
    moves,
    allMove,
    leaves,
    drawnAt,
    view,
    presencePuts,
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
    for (let step = 1; step <= 5; step++) {
      tick()
      page.moves('Ada', { x: 100 + step, y: 90 })
      expect(page.drawnAt('Ada')).toEqual({ x: 100 + step, y: 90 })
    }
  })

  it('moves a room of 30 in sight at every tick, and a crowd of 120 within the budget', () => {
    const room = Array.from({ length: 30 }, (_, i) => `Person ${i}`)
    page.allMove(room.map((name, i) => [name, spot(i, 0)]))
    for (let step = 1; step <= 10; step++) {
      tick()
      page.allMove(room.map((name, i) => [name, spot(i, step)]))
      // Everyone where they are now, at once.
      room.forEach((name, i) => expect(page.drawnAt(name)).toEqual(spot(i, step)))
    }

    const crowd = Array.from({ length: 120 }, (_, i) => `Crowd ${i}`)
    page.allMove(crowd.map((name, i) => [name, spot(i, 0)]))
    const before = page.presencePuts()
    for (let step = 1; step <= 20; step++) {
      tick()
      page.allMove(crowd.map((name, i) => [name, spot(i, step)]))
    }
    // 2 s of 1,200 moves a second. The budget (400 a second) shared by 120 cursors is about
    // 3.3 moves a second each, where they sent 10.
    const perCursorPerSecond = (page.presencePuts() - before) / crowd.length / 2
    expect(IN_SIGHT_UPDATES_PER_SECOND).toBe(400)
    expect(perCursorPerSecond).toBeGreaterThan(2.5)
    expect(perCursorPerSecond).toBeLessThanOrEqual(4)
    // Once the moves stop, everyone ends where they are.
    vi.advanceTimersByTime(1000)
    crowd.forEach((name, i) => expect(page.drawnAt(name)).toEqual(spot(i, 20)))
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
    tick()
    page.moves('Cy', { x: 500, y: 300 })
    expect(page.drawnAt('Cy')).toEqual({ x: 500, y: 300 })
    tick()
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
