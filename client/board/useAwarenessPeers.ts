import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
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

export function useAwarenessPeers(awareness: Awareness): Peer[] {
  const [peers, setPeers] = useState(() => readPeers(awareness))
  useEffect(() => {
    const update = () => setPeers(readPeers(awareness))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return peers
}

/**
 * How many people are on the board. Cursors change awareness ten times a second per person;
 * the count is a number, so React renders again only when it changes, not on every move.
 */
export function usePeopleCount(awareness: Awareness): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    [awareness],
  )
  return useSyncExternalStore(subscribe, () => countPeople(awareness))
}
