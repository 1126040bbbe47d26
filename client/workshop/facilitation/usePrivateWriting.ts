import type * as Y from 'yjs'
import { useCard } from '../../cards/useCard.ts'
import { isCardHiddenFrom, isPrivateWritingOn, type PrivateWriting } from './privateWritingRules.ts'
import { useBoardAnywhere } from './useBoardAnywhere.ts'
import { useControlValue } from './useControlValue.ts'

/** Private writing as the facilitator set it, or null while it is off. */
export function usePrivateWriting(controlDoc: Y.Doc): PrivateWriting | null {
  const value = useControlValue(controlDoc, 'privateWriting')
  return isPrivateWritingOn(value) ? value : null
}

/**
 * True when the card must show "✎ private until reveal" instead of its content on this
 * screen: private writing is on and someone else created the card since it started. The
 * content is still in the shared document (see privateWritingRules.ts): this hides it from
 * view, it does not keep it secret.
 */
export function useIsCardHidden(cardId: string): boolean {
  const board = useBoardAnywhere()
  if (!board) throw new Error('useIsCardHidden() outside a board')
  const privateWriting = usePrivateWriting(board.controlDoc)
  const card = useCard(board.doc, cardId)
  if (!privateWriting || !card) return false
  return isCardHiddenFrom(card, privateWriting, board.session.name)
}
