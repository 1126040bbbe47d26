import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getCards } from '../../shared/boardDoc.ts'

/**
 * How many live (not dropped) key results sit under an objective: the quality hint
 * "more than five key results" needs it, counted as the export counts it. Returns a
 * number, so a card re-renders only when the count changes, not on every keystroke.
 */
export function countKeyResults(doc: Y.Doc, objectiveId: string): number {
  return keyResultCounts(doc).get(objectiveId) ?? 0
}

/** Live key results per objective id, counted once per document change for every card. */
const countsByDoc = new WeakMap<Y.Doc, Map<string, number>>()

function keyResultCounts(doc: Y.Doc): Map<string, number> {
  let counts = countsByDoc.get(doc)
  if (counts) return counts
  counts = new Map()
  for (const card of getCards(doc).values()) {
    if (card.get('kind') !== 'keyResult' || card.get('status') === 'dropped') continue
    const parentId = card.get('parentId')
    if (typeof parentId === 'string') counts.set(parentId, (counts.get(parentId) ?? 0) + 1)
  }
  // Forgotten at the next change, before any observer runs: no card re-renders with stale counts.
  doc.once('beforeObserverCalls', () => countsByDoc.delete(doc))
  countsByDoc.set(doc, counts)
  return counts
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
