import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getMeta } from '../../shared/boardDoc.ts'

/** The board's template id from `meta.template` (live), or null on older boards. */
export function readBoardTemplate(doc: Y.Doc): string | null {
  const template = getMeta(doc).get('template')
  return typeof template === 'string' ? template : null
}

export function useBoardTemplate(doc: Y.Doc): string | null {
  return useSyncExternalStore(
    (onChange) => {
      const meta = getMeta(doc)
      meta.observe(onChange)
      return () => meta.unobserve(onChange)
    },
    () => readBoardTemplate(doc),
  )
}
