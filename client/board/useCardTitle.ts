import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getCards, getCardText } from '../../shared/boardDoc.ts'

function readTitle(doc: Y.Doc, cardId: string | null): string | null {
  if (!cardId) return null
  return getCardText(doc, cardId, 'title')?.toString() ?? null
}

/** A card's title, kept current while people type; null when there is no such card. */
export function useCardTitle(doc: Y.Doc, cardId: string | null): string | null {
  const [title, setTitle] = useState(() => readTitle(doc, cardId))
  useEffect(() => {
    const update = () => setTitle(readTitle(doc, cardId))
    update()
    if (!cardId) return
    const cards = getCards(doc)
    cards.observeDeep(update)
    return () => cards.unobserveDeep(update)
  }, [doc, cardId])
  return title
}
