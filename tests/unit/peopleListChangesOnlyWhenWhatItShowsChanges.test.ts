import { describe, expect, it } from 'vitest'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { PresenceState } from '../../client/board/presenceState.ts'
import { countPeople, peersStore } from '../../client/board/useAwarenessPeers.ts'

/**
 * The People tab lists everyone on the board. Cursors change awareness ten times a second per
 * person; the list must follow what it shows (who is here, their name, role, the card they
 * edit) without rendering again for every cursor move, which with 200 people kept a
 * facilitator's page busy.
 */
const state = (name: string, patch: Partial<PresenceState> = {}): PresenceState => ({
  user: { id: `user-${name}`, name, color: '#4f7cff', role: 'participant' },
  cursor: null,
  pageId: 'page:page',
  viewport: { x: 0, y: 0, w: 800, h: 600 },
  selectedShapeIds: [],
  editingCardId: null,
  lastActivity: 1,
  ...patch,
})

/** Our board page with Ada on the board, and the people list as the People tab watches it. */
function room() {
  const ours = new Awareness(new Y.Doc())
  const people = new Map<string, Awareness>()
  const hear = (awareness: Awareness) =>
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'server')
  const board = {
    ours,
    me: (patch: Partial<PresenceState> = {}) => ours.setLocalState(state('Me', patch)),
    /** `name` arrives, or changes their presence. */
    says: (name: string, patch: Partial<PresenceState> = {}) => {
      let awareness = people.get(name)
      if (!awareness) {
        awareness = new Awareness(new Y.Doc())
        people.set(name, awareness)
      }
      awareness.setLocalState(state(name, patch))
      hear(awareness)
    },
    leaves: (name: string) => {
      const awareness = people.get(name)!
      removeAwarenessStates(awareness, [awareness.clientID], 'leaving')
      hear(awareness)
    },
  }
  board.me()
  board.says('Ada')
  const list = peersStore(ours)
  let renders = 0
  const stopWatching = list.subscribe(() => renders++)
  return { ...board, list, renders: () => renders, stopWatching }
}

describe('the people list', () => {
  it('stays the same list while people only move their cursors', () => {
    const board = room()
    const list = board.list.getSnapshot()
    for (let step = 0; step < 10; step++) {
      board.says('Ada', { cursor: { x: step, y: step }, lastActivity: step + 2 })
      board.me({ cursor: { x: step, y: 0 }, lastActivity: step + 2 })
    }
    expect(board.renders()).toBe(0)
    expect(board.list.getSnapshot()).toBe(list)
    board.stopWatching()
  })

  it('changes when someone arrives, starts editing a card, or leaves', () => {
    const board = room()
    const names = () => board.list.getSnapshot().map((peer) => peer.state.user.name)
    expect(names()).toEqual(['Me', 'Ada'])

    board.says('Bo')
    expect(names()).toEqual(['Me', 'Ada', 'Bo'])
    board.says('Ada', { editingCardId: 'kr-1' })
    expect(board.list.getSnapshot()[1].state.editingCardId).toBe('kr-1')
    const renamed = {
      id: 'user-Ada',
      name: 'Ada L.',
      color: '#4f7cff',
      role: 'participant' as const,
    }
    board.says('Ada', { editingCardId: 'kr-1', user: renamed })
    expect(names()).toEqual(['Me', 'Ada L.', 'Bo'])
    board.leaves('Bo')
    expect(names()).toEqual(['Me', 'Ada L.'])
    expect(board.renders()).toBe(4)
    expect(countPeople(board.ours)).toBe(2)
    board.stopWatching()
  })
})
