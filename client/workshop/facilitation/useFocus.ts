import type * as Y from 'yjs'
import type { FocusBounds } from './controlWrites.ts'
import { useControlValue } from './useControlValue.ts'

/** Reads "bring everyone here" from the control document: the bounds, or null when off. */
export function readFocus(value: unknown): FocusBounds | null {
  if (!value || typeof value !== 'object') return null
  const focus = value as Partial<FocusBounds>
  const numbers = [focus.x, focus.y, focus.w, focus.h]
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  if ((focus.w ?? 0) <= 0 || (focus.h ?? 0) <= 0 || typeof focus.by !== 'string') return null
  return focus as FocusBounds
}

export function useFocus(controlDoc: Y.Doc): FocusBounds | null {
  return readFocus(useControlValue(controlDoc, 'focus'))
}
