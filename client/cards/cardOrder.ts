import type { Card } from '../../shared/cardSchema.ts'

/**
 * Sibling order in the OKR tree. `order` is an extra field on the card's Y.Map (the
 * schema strips unknown keys, so older readers ignore it); cards without one sort after
 * ordered ones, by creation time, so a freshly imported board still has a stable order.
 */
export type OrderedCard = Card & { order?: number }

export type OrderKey = Pick<OrderedCard, 'id' | 'createdAt'> & { order?: number }

export function compareCardOrder(a: OrderKey, b: OrderKey): number {
  const orderA = typeof a.order === 'number' && Number.isFinite(a.order) ? a.order : Infinity
  const orderB = typeof b.order === 'number' && Number.isFinite(b.order) ? b.order : Infinity
  if (orderA !== orderB) return orderA < orderB ? -1 : 1
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The order for a card appended after `siblings`. */
export function nextOrder(siblings: readonly { order?: number }[]): number {
  let max = -1
  for (const sibling of siblings) {
    if (typeof sibling.order === 'number' && Number.isFinite(sibling.order)) {
      max = Math.max(max, sibling.order)
    }
  }
  return Math.floor(max) + 1
}

export interface OrderPatch {
  id: string
  order: number
}

/**
 * Move `id` one step up (-1) or down (+1) among `siblings` (given in display order).
 * Returns the order values to write: the siblings are renumbered 0..n-1 in their new
 * order so missing or duplicate orders (from imports or concurrent moves) heal, but only
 * the cards whose value actually changes are written.
 */
export function moveAmongSiblings(
  siblings: readonly { id: string; order?: number }[],
  id: string,
  direction: -1 | 1,
): OrderPatch[] {
  const index = siblings.findIndex((sibling) => sibling.id === id)
  const target = index + direction
  if (index < 0 || target < 0 || target >= siblings.length) return []
  const reordered = [...siblings]
  ;[reordered[index], reordered[target]] = [reordered[target], reordered[index]]
  const patches: OrderPatch[] = []
  reordered.forEach((sibling, position) => {
    if (sibling.order !== position) patches.push({ id: sibling.id, order: position })
  })
  return patches
}
