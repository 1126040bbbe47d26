import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getControlRoot } from '../../../shared/controlDoc.ts'

/**
 * One key of the control document's root map (agenda, phase, timer, focus…), re-rendering
 * when that key changes. Values are plain JSON set whole, so the same object comes back
 * until someone sets a new one, which is what useSyncExternalStore needs.
 */
export function useControlValue(controlDoc: Y.Doc, key: string): unknown {
  const store = useMemo(() => {
    const root = getControlRoot(controlDoc)
    return {
      subscribe(onChange: () => void) {
        const onEvent = (event: Y.YMapEvent<unknown>) => {
          if (event.keysChanged.has(key)) onChange()
        }
        root.observe(onEvent)
        return () => root.unobserve(onEvent)
      },
      getSnapshot: () => root.get(key),
    }
  }, [controlDoc, key])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
