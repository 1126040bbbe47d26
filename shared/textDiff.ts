import type * as Y from 'yjs'

export interface TextSplice {
  index: number
  deleteCount: number
  insert: string
}

/**
 * The smallest single splice that turns `before` into `after`: common prefix and suffix
 * are kept, only the middle changes. Applying a splice instead of replacing the whole
 * text is what lets two people type in the same title and both keep their words.
 * Works on UTF-16 code units but never splits a surrogate pair.
 */
export function diffText(before: string, after: string): TextSplice | null {
  if (before === after) return null
  let start = 0
  const minLength = Math.min(before.length, after.length)
  while (start < minLength && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let endBefore = before.length
  let endAfter = after.length
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--
    endAfter--
  }
  // Do not cut a surrogate pair in half at either edge.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++
    endAfter++
  }
  return { index: start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Apply the minimal splice from the Y.Text's current content to `next`. */
export function applyTextDiff(text: Y.Text, next: string): void {
  const splice = diffText(text.toString(), next)
  if (!splice) return
  const apply = () => {
    if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
    if (splice.insert.length > 0) text.insert(splice.index, splice.insert)
  }
  if (text.doc) text.doc.transact(apply)
  else apply()
}
