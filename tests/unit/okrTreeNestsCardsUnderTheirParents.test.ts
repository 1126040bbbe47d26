import { describe, expect, it } from 'vitest'
import type { CardKind } from '../../shared/cardSchema.ts'
import { defaultCardFields } from '../../shared/boardDoc.ts'
import { buildCardTree, siblingsOf } from '../../client/cards/cardTree.ts'
import type { OrderedCard } from '../../client/cards/cardOrder.ts'

function card(
  id: string,
  kind: CardKind,
  parentId: string | null = null,
  extra: Partial<OrderedCard> = {},
): OrderedCard {
  return {
    ...defaultCardFields(kind, '2024-01-01T00:00:00.000Z'),
    id,
    kind,
    parentId,
    title: id,
    notes: '',
    createdBy: 'test',
    createdAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  }
}

const ids = (nodes: { card: { id: string } }[]) => nodes.map((node) => node.card.id)

describe('buildCardTree', () => {
  it('nests key results under objectives and initiatives/actions under key results', () => {
    const tree = buildCardTree([
      card('o1', 'objective'),
      card('kr1', 'keyResult', 'o1'),
      card('i1', 'initiative', 'kr1'),
      card('a1', 'action', 'kr1'),
    ])
    expect(ids(tree.roots)).toEqual(['o1'])
    expect(ids(tree.roots[0].children)).toEqual(['kr1'])
    // Both kinds of work sit under the key result they move.
    expect(ids(tree.roots[0].children[0].children).toSorted()).toEqual(['a1', 'i1'])
    expect(tree.unaligned).toEqual([])
  })

  it('nests an objective under its parent objective, after that objective’s key results', () => {
    const tree = buildCardTree([
      card('team', 'objective', 'company', { order: 0 }),
      card('company', 'objective'),
      card('kr', 'keyResult', 'company', { order: 5 }),
    ])
    expect(ids(tree.roots)).toEqual(['company'])
    // Key results are listed before aligned child objectives whatever their order value.
    expect(ids(tree.roots[0].children)).toEqual(['kr', 'team'])
  })

  it('puts cards with a missing or wrong-kind parent in the unaligned list', () => {
    const tree = buildCardTree([
      card('o1', 'objective'),
      card('kr-orphan', 'keyResult', 'gone'),
      card('i-wrong', 'initiative', 'o1'), // an initiative may only sit under a key result
    ])
    expect(ids(tree.roots)).toEqual(['o1'])
    expect(ids(tree.roots[0].children)).toEqual([])
    expect(ids(tree.unaligned)).toEqual(['kr-orphan', 'i-wrong'])
  })

  it('cuts a loop of objectives at its smallest id so every card is still shown once', () => {
    const tree = buildCardTree([card('b', 'objective', 'a'), card('a', 'objective', 'b')])
    // "a" is the smallest id in the loop, so it becomes the root and "b" stays under it.
    expect(ids(tree.roots)).toEqual(['a'])
    expect(ids(tree.roots[0].children)).toEqual(['b'])
    expect(tree.byId.size).toBe(2)
  })

  it('lists siblings of the same group in display order', () => {
    const tree = buildCardTree([
      card('o1', 'objective'),
      card('kr2', 'keyResult', 'o1', { order: 1 }),
      card('kr1', 'keyResult', 'o1', { order: 0 }),
      card('child', 'objective', 'o1'),
    ])
    expect(siblingsOf(tree, 'kr2').map((c) => c.id)).toEqual(['kr1', 'kr2'])
    expect(siblingsOf(tree, 'child').map((c) => c.id)).toEqual(['child'])
    expect(siblingsOf(tree, 'o1').map((c) => c.id)).toEqual(['o1'])
  })
})
