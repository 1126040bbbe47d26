import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { awarenessView } from '../board/awarenessView.ts'

export interface CardEditor {
  clientId: number
  name: string
  color: string
}

/**
 * The other people whose awareness says they are typing in this card
 * (`editingCardId`), for the "✎ name" marker. Our own client is left out.
 */
export function useCardEditors(awareness: Awareness, cardId: string): CardEditor[] {
  const store = useMemo(() => createEditorsStore(awareness, cardId), [awareness, cardId])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function editorsOfCard(
  states: ReadonlyMap<number, Record<string, unknown>>,
  ownClientId: number,
  cardId: string,
): CardEditor[] {
  const editors: CardEditor[] = []
  for (const [clientId, state] of states) {
    if (clientId === ownClientId || state.editingCardId !== cardId) continue
    const user = (state.user ?? {}) as { name?: unknown; color?: unknown }
    editors.push({
      clientId,
      name: typeof user.name === 'string' && user.name ? user.name : 'Someone',
      color: typeof user.color === 'string' ? user.color : '#888888',
    })
  }
  return editors.toSorted((a, b) => a.clientId - b.clientId)
}

function createEditorsStore(awareness: Awareness, cardId: string) {
  return awarenessView(
    awareness,
    () => editorsOfCard(awareness.getStates(), awareness.clientID, cardId),
    // Only a different list of editors re-renders the card, not someone's cursor moving.
    (editors) => editors.map((e) => `${e.clientId}:${e.name}:${e.color}`).join('|'),
  )
}
