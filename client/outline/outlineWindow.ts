import type { CardNode } from '../cards/cardTree.ts'

/**
 * How many cards the outline mounts at first, and how many more each time the reader
 * nears the end. Every outline row is a live title editor; mounting a thousand of them at
 * once took seconds on a big board, and nobody reads past the first screens without
 * scrolling.
 */
export const OUTLINE_PAGE_CARDS = 120

function subtreeSize(node: CardNode): number {
  let size = 1
  for (const child of node.children) size += subtreeSize(child)
  return size
}

/**
 * The leading top-level nodes whose subtrees fit in `budget` cards (always at least one,
 * so a huge objective still shows), and how many top-level nodes are left out.
 */
export function nodesWithinBudget(
  roots: CardNode[],
  budget: number,
): { shown: CardNode[]; hiddenCount: number; usedCards: number } {
  let used = 0
  let count = 0
  while (count < roots.length) {
    const size = subtreeSize(roots[count])
    if (count > 0 && used + size > budget) break
    used += size
    count++
  }
  return { shown: roots.slice(0, count), hiddenCount: roots.length - count, usedCards: used }
}
