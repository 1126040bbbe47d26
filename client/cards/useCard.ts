import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getCardMap, getCards, readCard } from '../../shared/boardDoc.ts'
import type { OrderedCard } from './cardOrder.ts'

/**
 * One card as plain data, re-rendering whenever anything in it changes (title and notes
 * keystrokes included, local or remote), or when the card is created, replaced or
 * deleted. Null while the card does not exist.
 */
export function useCard(doc: Y.Doc, cardId: string): OrderedCard | null {
  const store = useMemo(() => createCardStore(doc, cardId), [doc, cardId])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

function createCardStore(doc: Y.Doc, cardId: string) {
  // React needs the same object back until something changed, so the plain card is
  // cached and only rebuilt after a Yjs event.
  let cached: OrderedCard | null | undefined
  const read = (): OrderedCard | null => {
    const map = getCardMap(doc, cardId)
    return map ? readCard(cardId, map) : null
  }
  return {
    getSnapshot(): OrderedCard | null {
      if (cached === undefined) cached = read()
      return cached
    },
    subscribe(onChange: () => void): () => void {
      const cards = getCards(doc)
      let observed: Y.Map<unknown> | undefined
      const invalidate = () => {
        cached = undefined
        onChange()
      }
      const attach = () => {
        observed?.unobserveDeep(invalidate)
        observed = cards.get(cardId)
        observed?.observeDeep(invalidate)
      }
      // The card's own map may be replaced (an import sets the key again) or removed.
      const onCardsChanged = (event: Y.YMapEvent<Y.Map<unknown>>) => {
        if (!event.keysChanged.has(cardId)) return
        attach()
        invalidate()
      }
      cached = undefined
      attach()
      cards.observe(onCardsChanged)
      return () => {
        cards.unobserve(onCardsChanged)
        observed?.unobserveDeep(invalidate)
      }
    },
  }
}
