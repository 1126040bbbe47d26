import type { CardKind } from '../../shared/cardSchema.ts'
import { canBeParentKind } from './alignmentRules.ts'
import { compareCardOrder, type OrderedCard } from './cardOrder.ts'

/**
 * The OKR tree as the outline shows it: objectives (nested under their parent
 * objective), their key results, and under each key result its initiatives and actions.
 */
export interface CardNode {
  card: OrderedCard
  /** Key results first, then aligned child objectives; under a KR, initiatives and actions. */
  children: CardNode[]
}

export interface CardTree {
  /** Objectives without a parent objective. */
  roots: CardNode[]
  /** Key results, initiatives and actions whose parent is missing or of the wrong kind. */
  unaligned: CardNode[]
  /** Every node by card id, for lookups (siblings, jump targets). */
  byId: Map<string, CardNode>
  /** The parent node of each aligned card (absent for roots and unaligned cards). */
  parentOf: Map<string, CardNode>
}

/**
 * Siblings are shown in groups: under an objective its key results come before its
 * child objectives; initiatives and actions share one group. Reordering moves a card
 * within its group only.
 */
export function siblingGroup(kind: CardKind): number {
  if (kind === 'keyResult') return 0
  if (kind === 'objective') return 1
  return 2
}

function compareNodes(a: CardNode, b: CardNode): number {
  const group = siblingGroup(a.card.kind) - siblingGroup(b.card.kind)
  return group !== 0 ? group : compareCardOrder(a.card, b.card)
}

/**
 * Each card's effective parent: its `parentId` when that card exists and is of an
 * allowed kind, and when following parents does not loop. A loop (two objectives
 * aligned to each other by concurrent edits) is cut at its member with the smallest id,
 * so every client draws the same tree.
 */
export function effectiveParents(cards: readonly OrderedCard[]): Map<string, string> {
  const byId = new Map(cards.map((card) => [card.id, card]))
  const parents = new Map<string, string>()
  for (const card of cards) {
    const parent = card.parentId ? byId.get(card.parentId) : undefined
    if (parent && parent.id !== card.id && canBeParentKind(card.kind, parent.kind)) {
      parents.set(card.id, parent.id)
    }
  }
  for (const card of cards) {
    const path: string[] = []
    const onPath = new Set<string>()
    let current: string | undefined = card.id
    while (current && !onPath.has(current)) {
      onPath.add(current)
      path.push(current)
      current = parents.get(current)
    }
    if (current) {
      const loop = path.slice(path.indexOf(current))
      const cutAt = loop.reduce((smallest, id) => (id < smallest ? id : smallest))
      parents.delete(cutAt)
    }
  }
  return parents
}

/**
 * Build the tree. Given the tree built before, every node whose card is the same object
 * and whose children are the same nodes is that earlier node, and so are the top-level
 * lists when nothing in them changed: an outline row can then skip rendering when its node
 * is the one it had (only the changed card and its ancestors get new nodes).
 */
export function buildCardTree(cards: readonly OrderedCard[], previous?: CardTree): CardTree {
  const parents = effectiveParents(cards)
  const fresh = new Map<string, CardNode>()
  for (const card of cards) fresh.set(card.id, { card, children: [] })

  let roots: CardNode[] = []
  let unaligned: CardNode[] = []
  for (const node of fresh.values()) {
    const parentId = parents.get(node.card.id)
    const parent = parentId ? fresh.get(parentId) : undefined
    if (parent) parent.children.push(node)
    else if (node.card.kind === 'objective') roots.push(node)
    else unaligned.push(node)
  }
  for (const node of fresh.values()) node.children.sort(compareNodes)
  roots.sort(compareNodes)
  unaligned.sort(compareNodes)

  const byId = new Map<string, CardNode>()
  const parentOf = new Map<string, CardNode>()
  const settle = (node: CardNode): CardNode => {
    const children = node.children.map(settle)
    const before = previous?.byId.get(node.card.id)
    const settled =
      before && before.card === node.card && sameNodes(before.children, children)
        ? before
        : { card: node.card, children }
    byId.set(settled.card.id, settled)
    for (const child of settled.children) parentOf.set(child.card.id, settled)
    return settled
  }
  roots = roots.map(settle)
  unaligned = unaligned.map(settle)
  if (previous && sameNodes(previous.roots, roots)) roots = previous.roots
  if (previous && sameNodes(previous.unaligned, unaligned)) unaligned = previous.unaligned
  return { roots, unaligned, byId, parentOf }
}

function sameNodes(a: readonly CardNode[], b: readonly CardNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i])
}

/**
 * For each node of a sibling list (as the outline shows it), whether it can move up or down:
 * cards move within their sibling group only.
 */
export function moveLimits(list: readonly CardNode[]): Map<string, { up: boolean; down: boolean }> {
  const limits = new Map<string, { up: boolean; down: boolean }>()
  for (const group of [0, 1, 2]) {
    const members = list.filter((node) => siblingGroup(node.card.kind) === group)
    members.forEach((node, i) =>
      limits.set(node.card.id, { up: i > 0, down: i < members.length - 1 }),
    )
  }
  return limits
}

/** The cards that share `cardId`'s parent and sibling group, in display order. */
export function siblingsOf(tree: CardTree, cardId: string): OrderedCard[] {
  const node = tree.byId.get(cardId)
  if (!node) return []
  const parent = tree.parentOf.get(cardId)
  const list = parent
    ? parent.children
    : node.card.kind === 'objective'
      ? tree.roots
      : tree.unaligned
  const group = siblingGroup(node.card.kind)
  return list.filter((sibling) => siblingGroup(sibling.card.kind) === group).map((n) => n.card)
}
