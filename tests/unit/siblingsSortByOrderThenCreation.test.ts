import { describe, expect, it } from 'vitest'
import { compareCardOrder, moveAmongSiblings, nextOrder } from '../../client/cards/cardOrder.ts'

describe('compareCardOrder', () => {
  it('sorts by order, then unordered cards by creation time, then by id', () => {
    const cards = [
      { id: 'c', createdAt: '2024-01-02' },
      { id: 'b', createdAt: '2024-01-01' },
      { id: 'x', createdAt: '2024-01-09', order: 1 },
      { id: 'y', createdAt: '2024-01-08', order: 0 },
      { id: 'a', createdAt: '2024-01-01' },
    ]
    expect(cards.toSorted(compareCardOrder).map((c) => c.id)).toEqual(['y', 'x', 'a', 'b', 'c'])
  })
})

describe('nextOrder', () => {
  it('appends after the highest order, starting at 0', () => {
    expect(nextOrder([])).toBe(0)
    expect(nextOrder([{ order: 3 }, {}, { order: 1 }])).toBe(4)
  })
})

describe('moveAmongSiblings', () => {
  it('swaps with the neighbour and writes only the orders that change', () => {
    const siblings = [
      { id: 'a', order: 0 },
      { id: 'b', order: 1 },
      { id: 'c', order: 2 },
    ]
    // Moving "c" up swaps it with "b": two writes, "a" keeps 0.
    expect(moveAmongSiblings(siblings, 'c', -1)).toEqual([
      { id: 'c', order: 1 },
      { id: 'b', order: 2 },
    ])
  })

  it('renumbers siblings that had no order (an imported board)', () => {
    const siblings = [{ id: 'a' }, { id: 'b' }]
    expect(moveAmongSiblings(siblings, 'a', 1)).toEqual([
      { id: 'b', order: 0 },
      { id: 'a', order: 1 },
    ])
  })

  it('does nothing at either end or for an unknown card', () => {
    const siblings = [
      { id: 'a', order: 0 },
      { id: 'b', order: 1 },
    ]
    expect(moveAmongSiblings(siblings, 'a', -1)).toEqual([])
    expect(moveAmongSiblings(siblings, 'b', 1)).toEqual([])
    expect(moveAmongSiblings(siblings, 'zz', 1)).toEqual([])
  })
})
