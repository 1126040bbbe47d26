import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getMeta } from '../../shared/boardDoc.ts'

function readTitle(doc: Y.Doc): string | null {
  const title = getMeta(doc).get('title')
  return typeof title === 'string' && title.trim() ? title : null
}

/** The board's title from the document's meta (live), else the one the API gave us. */
export function useBoardTitle(doc: Y.Doc, fromApi: string | null): string {
  const [fromDoc, setFromDoc] = useState(() => readTitle(doc))
  useEffect(() => {
    const meta = getMeta(doc)
    const update = () => setFromDoc(readTitle(doc))
    update()
    meta.observe(update)
    return () => meta.unobserve(update)
  }, [doc])
  return fromDoc ?? fromApi ?? 'Untitled board'
}
