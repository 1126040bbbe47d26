import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getCards } from '../../shared/boardDoc.ts'

/**
 * How many live (not dropped) key results sit under an objective: the quality hint
 * "more than five key results" needs it, counted as the export counts it. Returns a
 * number, so a card re-renders only when the count changes, not on every keystroke.
 */
export function countKeyResults(doc: Y.Doc, objectiveId: string): number {
  let count = 0
  for (const card of getCards(doc).values()) {
    if (
      card.get('kind') === 'keyResult' &&
      card.get('parentId') === objectiveId &&
      card.get('status') !== 'dropped'
    )
      count++
  }
  return count
}

export function useKeyResultCount(doc: Y.Doc, objectiveId: string, enabled: boolean): number {
  return useSyncExternalStore(
    (onChange) => {
      if (!enabled) return () => undefined
      const cards = getCards(doc)
      cards.observeDeep(onChange)
      return () => cards.unobserveDeep(onChange)
    },
    () => (enabled ? countKeyResults(doc, objectiveId) : 0),
  )
}
