import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getControlRoot, readFinalizedVersion } from '../../shared/controlDoc.ts'

/** The latest finalized version, live from the control document (the server writes it). */
export function useFinalizedVersion(controlDoc: Y.Doc): number | null {
  return useSyncExternalStore(
    (onChange) => {
      const root = getControlRoot(controlDoc)
      root.observe(onChange)
      return () => root.unobserve(onChange)
    },
    () => readFinalizedVersion(controlDoc),
  )
}
