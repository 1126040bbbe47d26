import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { awarenessView } from './awarenessView.ts'
import { isPresenceState } from './mirrorPeerPresence.ts'
import type { PresenceState } from './presenceState.ts'

export interface Peer {
  /** Awareness client id: one per open tab. */
  clientId: number
  state: PresenceState
  isSelf: boolean
}

/**
 * Everyone in the board room with a valid PresenceState, one entry per person (a person
 * with two tabs open shows once, with their most recently active tab), ourselves first.
 */
export function readPeers(awareness: Awareness): Peer[] {
  const byUser = new Map<string, Peer>()
  for (const [clientId, state] of awareness.getStates()) {
    if (!isPresenceState(state)) continue
    const peer: Peer = { clientId, state, isSelf: clientId === awareness.clientID }
    const existing = byUser.get(state.user.id)
    const newer = (peer.state.lastActivity ?? 0) > (existing?.state.lastActivity ?? 0)
    if (!existing || peer.isSelf || (!existing.isSelf && newer)) byUser.set(state.user.id, peer)
  }
  return [...byUser.values()].toSorted(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) || a.state.user.name.localeCompare(b.state.user.name),
  )
}

/** The number of people readPeers lists, without building the list. */
export function countPeople(awareness: Awareness): number {
  const users = new Set<string>()
  for (const state of awareness.getStates().values()) {
    if (isPresenceState(state)) users.add(state.user.id)
  }
  return users.size
}

/**
 * The people list, live. Every cursor move changes awareness, ten times a second per person;
 * the list is a new array only when something it shows changes (who, their tab, name, colour,
 * role, the card they edit, whether they can be followed), so the People tab does not render
 * again for every move. A peer's `state` is the one read at that change: not for cursors.
 */
export function useAwarenessPeers(awareness: Awareness): Peer[] {
  const store = useMemo(() => peersStore(awareness), [awareness])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function peersStore(awareness: Awareness) {
  return awarenessView(awareness, () => readPeers(awareness), whatTheListShows)
}

function whatTheListShows(peers: Peer[]): string {
  return JSON.stringify(
    peers.map(({ clientId, isSelf, state }) => [
      clientId,
      isSelf,
      state.user.id,
      state.user.name,
      state.user.color,
      state.user.role,
      state.editingCardId ?? null,
      !!state.viewport,
    ]),
  )
}

/**
 * How many people are on the board. Cursors change awareness ten times a second per person;
 * the count is a number, so React renders again only when it changes, not on every move.
 */
export function usePeopleCount(awareness: Awareness): number {
  const view = useMemo(
    () => awarenessView(awareness, () => countPeople(awareness), String),
    [awareness],
  )
  return useSyncExternalStore(view.subscribe, view.getSnapshot)
}
