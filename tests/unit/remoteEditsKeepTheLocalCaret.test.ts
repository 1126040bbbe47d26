import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  mapIndexThroughDelta,
  mapSelectionThroughDelta,
  type TextDeltaOp,
} from '../../client/cards/caretMapping.ts'
import { applyTextDiff } from '../../shared/textDiff.ts'

describe('mapIndexThroughDelta', () => {
  it('shifts the caret right by text inserted before it', () => {
    expect(mapIndexThroughDelta(5, [{ insert: 'abc' }])).toBe(8)
    expect(mapIndexThroughDelta(5, [{ retain: 2 }, { insert: 'xy' }])).toBe(7)
  })

  it('keeps the caret for text inserted after it or exactly at it', () => {
    expect(mapIndexThroughDelta(5, [{ retain: 7 }, { insert: 'xy' }])).toBe(5)
    // An insert at the caret lands after it: the local user keeps typing where they were.
    expect(mapIndexThroughDelta(5, [{ retain: 5 }, { insert: 'xy' }])).toBe(5)
  })

  it('pulls the caret left by text deleted before it, and collapses it inside a deletion', () => {
    expect(mapIndexThroughDelta(5, [{ delete: 2 }])).toBe(3)
    expect(mapIndexThroughDelta(5, [{ retain: 3 }, { delete: 4 }])).toBe(3)
    expect(mapIndexThroughDelta(5, [{ retain: 5 }, { delete: 4 }])).toBe(5)
  })

  it('maps a selection range', () => {
    const selection = { start: 2, end: 6, direction: 'forward' as const }
    expect(mapSelectionThroughDelta(selection, [{ retain: 4 }, { insert: '!!' }])).toEqual({
      start: 2,
      end: 8,
      direction: 'forward',
    })
  })

  it('follows a real remote Y.Text edit', () => {
    // Two documents: Bob inserts at the start while Alice's caret is after "world".
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    alice.getText('t').insert(0, 'hello world')
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    let delta: TextDeltaOp[] = []
    alice.getText('t').observe((event) => {
      delta = event.delta as TextDeltaOp[]
    })
    applyTextDiff(bob.getText('t'), 'oh, hello world')
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob))
    const caret = mapIndexThroughDelta('hello world'.length, delta)
    // Four characters were inserted before the caret, so it moves from 11 to 15 (still the end).
    expect(caret).toBe(15)
    expect(alice.getText('t').toString().slice(0, caret)).toBe('oh, hello world')
  })
})
