import type * as Y from 'yjs'
import { getCards, readCard } from '../../shared/boardDoc.ts'
import type { OrderedCard } from './cardOrder.ts'

/**
 * Every card of a board document as plain data, for React's useSyncExternalStore, one
 * store per document shared by every list of cards on the page.
 *
 * On a busy board someone's keystroke changes a card several times a second. Reading all
 * cards again on each change, as new objects, made every outline row re-render each time:
 * with 20 people in the room that kept the page's main thread two thirds busy. So a change reads
 * again only the cards it touched, and a card whose fields all stayed the same keeps its
 * object; lists can then skip the rows whose card is the same object (React.memo).
 */
export interface AllCardsStore {
  getSnapshot(): readonly OrderedCard[]
  subscribe(onChange: () => void): () => void
}

const stores = new WeakMap<Y.Doc, AllCardsStore>()

export function allCardsStore(doc: Y.Doc): AllCardsStore {
  let store = stores.get(doc)
  if (!store) {
    store = createAllCardsStore(doc)
    stores.set(doc, store)
  }
  return store
}

function createAllCardsStore(doc: Y.Doc): AllCardsStore {
  const cards = getCards(doc)
  const byId = new Map<string, OrderedCard>()
  let snapshot: readonly OrderedCard[] = []
  // Not observing (nobody subscribed): the snapshot may be behind the document.
  let mayBeStale = true
  const listeners = new Set<() => void>()

  /** Read `ids` again; true if any card came, went or changed. */
  const reread = (ids: Iterable<string>): boolean => {
    let changed = false
    for (const id of ids) {
      const map = cards.get(id)
      const before = byId.get(id)
      if (!map) {
        if (before) {
          byId.delete(id)
          changed = true
        }
        continue
      }
      const after = readCard(id, map)
      if (before && sameFields(before, after)) continue
      byId.set(id, after)
      changed = true
    }
    if (changed) {
      // The document's order, as a full read gives it.
      snapshot = [...cards.keys()].flatMap((id) => byId.get(id) ?? [])
    }
    return changed
  }

  const rereadAll = () => {
    const ids = new Set(cards.keys())
    for (const id of byId.keys()) ids.add(id)
    reread(ids)
    mayBeStale = false
  }

  const onCardsChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>()
    for (const event of events) {
      if (event.target === cards) {
        for (const id of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(id)
      } else {
        // A change inside a card (a field, its title's text): the path starts at its id.
        const id = event.path[0]
        if (typeof id === 'string') touched.add(id)
      }
    }
    if (reread(touched)) for (const listener of listeners) listener()
  }

  return {
    getSnapshot() {
      if (mayBeStale) rereadAll()
      // Observed from the first subscriber on, so it is fresh without another read.
      if (listeners.size === 0) mayBeStale = true
      return snapshot
    },
    subscribe(onChange) {
      if (listeners.size === 0) {
        cards.observeDeep(onCardsChanged)
        rereadAll()
      }
      listeners.add(onChange)
      return () => {
        listeners.delete(onChange)
        if (listeners.size > 0) return
        cards.unobserveDeep(onCardsChanged)
        mayBeStale = true
      }
    },
  }
}

/** Same keys with the same values (Yjs hands out the stored object for an unchanged field). */
function sameFields(a: OrderedCard, b: OrderedCard): boolean {
  const keysA = Object.keys(a) as (keyof OrderedCard)[]
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every((key) => Object.is(a[key], b[key]))
}
