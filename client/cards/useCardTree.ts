import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getCards, readCard } from '../../shared/boardDoc.ts'
import type { OrderedCard } from './cardOrder.ts'
import { buildCardTree, type CardTree } from './cardTree.ts'

/** Every card as plain data, re-rendering on any change to any card (local or remote). */
export function useAllCards(doc: Y.Doc): OrderedCard[] {
  const store = useMemo(() => createAllCardsStore(doc), [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The OKR tree (see buildCardTree), rebuilt when any card changes. */
export function useCardTree(doc: Y.Doc): CardTree {
  const cards = useAllCards(doc)
  return useMemo(() => buildCardTree(cards), [cards])
}

function createAllCardsStore(doc: Y.Doc) {
  let cached: OrderedCard[] | undefined
  const read = () => [...getCards(doc).entries()].map(([id, map]) => readCard(id, map))
  return {
    getSnapshot(): OrderedCard[] {
      if (cached === undefined) cached = read()
      return cached
    },
    subscribe(onChange: () => void): () => void {
      const cards = getCards(doc)
      const invalidate = () => {
        cached = undefined
        onChange()
      }
      cached = undefined
      cards.observeDeep(invalidate)
      return () => cards.unobserveDeep(invalidate)
    },
  }
}
