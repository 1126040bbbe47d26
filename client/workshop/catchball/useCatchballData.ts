import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getCatchballLog, getComments } from '../../../shared/boardDoc.ts'
import type { Comment } from '../../../shared/cardSchema.ts'
import { readCatchballLog, readComments, type CatchballThrow } from '../../../shared/catchball.ts'

/** The board's catchball log as plain entries, re-rendering when anyone throws. */
export function useCatchballLog(doc: Y.Doc): CatchballThrow[] {
  const store = storeFor(logStores, doc, () =>
    createSnapshotStore(getCatchballLog(doc), () => readCatchballLog(doc)),
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** Every comment on the board, re-rendering when one is added, edited or resolved. */
export function useComments(doc: Y.Doc): Comment[] {
  const store = storeFor(commentStores, doc, () =>
    createSnapshotStore(getComments(doc), () => readComments(doc)),
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

interface SnapshotStore<Value> {
  getSnapshot(): Value
  subscribe(onChange: () => void): () => void
}

// Every card on the canvas shows its ball and feedback count: one store per document lets
// them share one observer and one parsed snapshot instead of re-reading the log per card.
const logStores = new WeakMap<Y.Doc, SnapshotStore<CatchballThrow[]>>()
const commentStores = new WeakMap<Y.Doc, SnapshotStore<Comment[]>>()

function storeFor<Value>(
  stores: WeakMap<Y.Doc, SnapshotStore<Value>>,
  doc: Y.Doc,
  create: () => SnapshotStore<Value>,
): SnapshotStore<Value> {
  let store = stores.get(doc)
  if (!store) {
    store = create()
    stores.set(doc, store)
  }
  return store
}

/** The part of a Y.Array / Y.Map this needs (their event types differ, so no AbstractType). */
interface ObservableType {
  observeDeep(handler: () => void): void
  unobserveDeep(handler: () => void): void
}

/**
 * A store for useSyncExternalStore over one Yjs type: React needs the same object back
 * until something changed, so the plain snapshot is cached and dropped on a deep event.
 * The type is observed while anyone listens; without listeners the cache is not trusted.
 */
function createSnapshotStore<Value>(type: ObservableType, read: () => Value): SnapshotStore<Value> {
  let cached: { value: Value } | undefined
  const listeners = new Set<() => void>()
  const onDeepChange = () => {
    cached = undefined
    for (const listener of listeners) listener()
  }
  return {
    getSnapshot(): Value {
      cached ??= { value: read() }
      return cached.value
    },
    subscribe(onChange: () => void): () => void {
      if (listeners.size === 0) {
        cached = undefined
        type.observeDeep(onDeepChange)
      }
      listeners.add(onChange)
      return () => {
        listeners.delete(onChange)
        if (listeners.size === 0) type.unobserveDeep(onDeepChange)
      }
    },
  }
}
