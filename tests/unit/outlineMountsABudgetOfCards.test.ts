import { expect, it } from 'vitest'
import type { CardNode } from '../../client/cards/cardTree.ts'
import type { OrderedCard } from '../../client/cards/cardOrder.ts'
import { nodesWithinBudget } from '../../client/outline/outlineWindow.ts'

const node = (cardId: string): CardNode => ({ card: { id: cardId } as OrderedCard, children: [] })

/** An objective with `children` key results under it. */
function objective(id: string, children: number): CardNode {
  return { ...node(id), children: Array.from({ length: children }, (_, i) => node(`${id}.${i}`)) }
}

it('mounts whole objectives until the card budget is spent, and says how many are left', () => {
  const roots = [objective('a', 4), objective('b', 4), objective('c', 4)]
  const window = nodesWithinBudget(roots, 12)
  expect(window.shown.map((n) => n.card.id)).toEqual(['a', 'b'])
  expect(window.usedCards).toBe(10)
  expect(window.hiddenCount).toBe(1)
  expect(nodesWithinBudget(roots, Infinity).hiddenCount).toBe(0)
})

it('always shows the first objective, even one larger than the budget', () => {
  const window = nodesWithinBudget([objective('huge', 300), objective('next', 1)], 120)
  expect(window.shown.map((n) => n.card.id)).toEqual(['huge'])
  expect(window.hiddenCount).toBe(1)
})
