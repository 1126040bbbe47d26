import { useMemo } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  type TLAnyShapeUtilConstructor,
  type TLStore,
  type TLUserStore,
} from 'tldraw'
import { bindStoreToYjs, type StoreYjsBinding } from './bindStoreToYjs.ts'
import type { BoardConnection } from './boardConnection.ts'
import { createResourceCache, useResource } from './sharedResource.ts'

/**
 * A tldraw store bound to the board document. Callers mount this only once the document is
 * ready (first server sync, or IndexedDB when offline), so an empty canvas is never
 * mistaken for a new board and seeded over existing content.
 */
interface StoreKey {
  connection: BoardConnection
  readOnly: boolean
  users: TLUserStore
  /** Every shape util of the schema, tldraw's defaults included. */
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
}

interface BoundStore {
  store: TLStore
  close(): void
}

function openBoundStore({ connection, readOnly, users, shapeUtils }: StoreKey): BoundStore {
  const store = createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils, users })
  const { doc, boardProvider } = connection
  const binding: StoreYjsBinding = bindStoreToYjs({ store, doc, readOnly })

  // Default records (the document, a first page) are written only once we know what the
  // server has, here and after every reconnection.
  if (boardProvider.synced) binding.reconcileDefaults()
  const onSync = (synced: boolean) => {
    if (synced) binding.reconcileDefaults()
  }
  boardProvider.on('sync', onSync)
  const stopFlushingOnClose = connection.onBeforeDestroy(() => binding.flush())

  return {
    store,
    close() {
      boardProvider.off('sync', onSync)
      stopFlushingOnClose()
      binding.dispose()
    },
  }
}

const boundStores = createResourceCache<StoreKey, BoundStore>(openBoundStore, (bound) =>
  bound.close(),
)

export function useYjsStore(opts: StoreKey): TLStore | null {
  const { connection, readOnly, users, shapeUtils } = opts
  const key = useMemo(
    () => ({ connection, readOnly, users, shapeUtils }),
    [connection, readOnly, users, shapeUtils],
  )
  return useResource(boundStores, key)?.store ?? null
}
