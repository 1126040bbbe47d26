import { describe, expect, it } from 'vitest'
import { findFreeSpot, overlaps, placeCards, type Rect } from '../../client/shapes/cardPlacement.ts'
import { CARD_GAP, cardSizeByKind } from '../../client/shapes/cardSizes.ts'

describe('placeCards', () => {
  it('puts objectives in a row and key results below their objective', () => {
    const positions = placeCards(
      [
        { id: 'kr1', kind: 'keyResult', parentId: 'o1' },
        { id: 'o1', kind: 'objective', parentId: null },
        { id: 'o2', kind: 'objective', parentId: null },
        { id: 'kr2', kind: 'keyResult', parentId: 'o1' },
      ],
      new Map(),
    )
    const o1 = positions.get('o1')!
    const o2 = positions.get('o2')!
    const kr1 = positions.get('kr1')!
    const kr2 = positions.get('kr2')!
    // Both objectives share the top row; the second starts one card and a gap further right.
    expect(o1).toMatchObject({ x: 0, y: 0 })
    expect(o2).toMatchObject({ x: cardSizeByKind.objective.w + CARD_GAP, y: 0 })
    // Key results start under their objective, side by side.
    expect(kr1.y).toBe(cardSizeByKind.objective.h + CARD_GAP)
    expect(kr1.x).toBe(0)
    expect(kr2.y).toBe(kr1.y)
    expect(kr2.x).toBe(cardSizeByKind.keyResult.w + CARD_GAP)
  })

  it('places a key result under an objective that is already on the canvas', () => {
    const placed = new Map<string, Rect>([['o1', { x: 500, y: 100, w: 320, h: 250 }]])
    const kr = placeCards([{ id: 'kr', kind: 'keyResult', parentId: 'o1' }], placed).get('kr')!
    expect(kr).toMatchObject({ x: 500, y: 100 + 250 + CARD_GAP })
  })

  it('never overlaps existing cards or each other', () => {
    const placed = new Map<string, Rect>([
      ['a', { x: 0, y: 0, w: 320, h: 250 }],
      ['b', { x: 360, y: 0, w: 320, h: 250 }],
    ])
    const cards = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`,
      kind: i % 2 ? ('initiative' as const) : ('objective' as const),
      parentId: null,
    }))
    const rects = [...placed.values(), ...placeCards(cards, placed).values()]
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false)
    }
  })
})

describe('findFreeSpot', () => {
  it('slides right past blockers', () => {
    const spot = findFreeSpot(
      { x: 0, y: 0 },
      { w: 100, h: 100 },
      [{ x: 50, y: 0, w: 100, h: 100 }],
      10,
    )
    expect(spot).toEqual({ x: 160, y: 0, w: 100, h: 100 })
  })
})
