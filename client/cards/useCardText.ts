import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { getCardText, getCards } from '../../shared/boardDoc.ts'
import type { TextDeltaOp } from './caretMapping.ts'

export type CardTextField = 'title' | 'notes'

/**
 * The live string of a card's title or notes. `beforeChange` sees each change's delta
 * before the new value renders, which is when a text field can still read its old caret
 * and map it through the edit.
 */
export function useCardText(
  doc: Y.Doc,
  cardId: string,
  field: CardTextField,
  beforeChange?: (delta: readonly TextDeltaOp[]) => void,
): string {
  const [value, setValue] = useState(() => getCardText(doc, cardId, field)?.toString() ?? '')
  const beforeChangeRef = useRef(beforeChange)
  useEffect(() => {
    beforeChangeRef.current = beforeChange
  })

  useEffect(() => {
    const cards = getCards(doc)
    let text: Y.Text | null = null
    const onTextChanged = (event: Y.YTextEvent) => {
      beforeChangeRef.current?.(event.delta as TextDeltaOp[])
      setValue(event.target.toString())
    }
    const attach = () => {
      text?.unobserve(onTextChanged)
      text = getCardText(doc, cardId, field)
      text?.observe(onTextChanged)
      setValue(text?.toString() ?? '')
    }
    // The card's map (and so its Y.Text) is replaced when an import sets the key again.
    const onCardsChanged = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.keysChanged.has(cardId)) attach()
    }
    attach()
    cards.observe(onCardsChanged)
    return () => {
      cards.unobserve(onCardsChanged)
      text?.unobserve(onTextChanged)
    }
  }, [doc, cardId, field])

  return value
}
