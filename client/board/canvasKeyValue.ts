import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { getCanvasArray } from '../../shared/boardDoc.ts'

/**
 * The tldraw records of a board, as y-utility's YKeyValue over the `canvas` array. A Y.Map
 * would keep every overwritten value while a shape is dragged; YKeyValue deletes them.
 */
export type CanvasValue = Record<string, unknown>

export type CanvasChange =
  | { action: 'add'; newValue: CanvasValue }
  | { action: 'update'; oldValue: CanvasValue; newValue: CanvasValue }
  | { action: 'delete'; oldValue: CanvasValue }

export type CanvasChangeListener = (changes: Map<string, CanvasChange>, tr: Y.Transaction) => void

// YKeyValue observes its array forever and has no way to stop, so there is exactly one per
// document, shared by everyone who asks.
const keyValues = new WeakMap<Y.Doc, YKeyValue<CanvasValue>>()

export function getCanvasKeyValue(doc: Y.Doc): YKeyValue<CanvasValue> {
  let keyValue = keyValues.get(doc)
  if (!keyValue) {
    keyValue = new YKeyValue(getCanvasArray(doc))
    keyValues.set(doc, keyValue)
  }
  return keyValue
}

export function onCanvasChange(doc: Y.Doc, listener: CanvasChangeListener): () => void {
  const keyValue = getCanvasKeyValue(doc)
  const handler = (changes: Map<string, CanvasChange>, tr: Y.Transaction) => listener(changes, tr)
  keyValue.on('change', handler)
  return () => keyValue.off('change', handler)
}
