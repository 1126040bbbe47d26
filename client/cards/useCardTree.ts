import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { allCardsStore } from './allCardsStore.ts'
import type { OrderedCard } from './cardOrder.ts'
import { buildCardTree, type CardTree } from './cardTree.ts'

/**
 * Every card as plain data, re-rendering on any change to any card (local or remote). A
 * card nobody changed keeps its object from one render to the next (see allCardsStore.ts).
 */
export function useAllCards(doc: Y.Doc): readonly OrderedCard[] {
  const store = allCardsStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The last tree built for each document, and the cards it was built from. */
const lastTrees = new WeakMap<Y.Doc, { cards: readonly OrderedCard[]; tree: CardTree }>()

/**
 * The OKR tree (see buildCardTree), rebuilt when any card changes, sharing every node
 * that did not change with the tree before.
 */
export function useCardTree(doc: Y.Doc): CardTree {
  const cards = useAllCards(doc)
  const last = lastTrees.get(doc)
  if (last?.cards === cards) return last.tree
  const tree = buildCardTree(cards, last?.tree)
  lastTrees.set(doc, { cards, tree })
  return tree
}
