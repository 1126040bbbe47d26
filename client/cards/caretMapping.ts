/**
 * Keep a local caret where the user left it when a remote edit changes the text around
 * it. The delta is Yjs's text delta (`YTextEvent.delta`): retain / insert / delete ops
 * walked from the start of the text.
 */
export type TextDeltaOp = { retain?: number; insert?: unknown; delete?: number }

/**
 * Where `index` lands after `delta`. Text inserted before the caret pushes it right; an
 * insert exactly at the caret lands after it (the caret does not jump over someone
 * else's words); deleted text before the caret pulls it left, and a caret inside a deleted
 * range collapses to the start of that range.
 */
export function mapIndexThroughDelta(index: number, delta: readonly TextDeltaOp[]): number {
  let position = 0 // position in the old text
  let shift = 0
  for (const op of delta) {
    if (position > index) break
    if (op.retain !== undefined) {
      position += op.retain
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (position < index) shift += length
    } else if (op.delete !== undefined) {
      const deletedBeforeCaret = Math.min(op.delete, Math.max(0, index - position))
      shift -= deletedBeforeCaret
      position += op.delete
    }
  }
  return Math.max(0, index + shift)
}

export interface TextSelection {
  start: number
  end: number
  direction: 'forward' | 'backward' | 'none'
}

export function mapSelectionThroughDelta(
  selection: TextSelection,
  delta: readonly TextDeltaOp[],
): TextSelection {
  const start = mapIndexThroughDelta(selection.start, delta)
  const end = Math.max(start, mapIndexThroughDelta(selection.end, delta))
  return { start, end, direction: selection.direction }
}
