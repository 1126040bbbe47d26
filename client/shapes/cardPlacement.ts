import type { CardKind } from '../../shared/cardSchema.ts'
import { CARD_GAP, cardSizeByKind } from './cardSizes.ts'

/**
 * Where to put cards that exist in the `cards` map but have no shape yet (created from
 * the outline, by an import, or by a client that went away before placing them).
 * Objectives go in a row at the top; key results in a row below their objective;
 * initiatives and actions below their key result; anything else in a row under all
 * other cards. A spot is taken by sliding right until the card overlaps nothing.
 */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface CardToPlace {
  id: string
  kind: CardKind
  parentId: string | null
}

const placementRank: Record<CardKind, number> = {
  objective: 0,
  keyResult: 1,
  initiative: 2,
  action: 2,
}

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
  )
}

/** The first spot at `start` or to its right (in steps) where `size` overlaps nothing. */
export function findFreeSpot(
  start: { x: number; y: number },
  size: { w: number; h: number },
  occupied: readonly Rect[],
  gap = CARD_GAP,
): Rect {
  const candidate: Rect = { x: start.x, y: start.y, w: size.w, h: size.h }
  // Bounded: a board with thousands of cards in one row still terminates.
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const blocker = occupied.find((rect) => overlaps(candidate, rect, gap - 1))
    if (!blocker) return candidate
    candidate.x = blocker.x + blocker.w + gap
  }
  return candidate
}

/**
 * Positions for `cards`, given the card shapes already on the page (`placed`, by card
 * id) and any other occupied rectangles. Parents are placed before their children so a
 * key result created together with its objective (an import) lands under it.
 */
export function placeCards(
  cards: readonly CardToPlace[],
  placed: ReadonlyMap<string, Rect>,
  otherOccupied: readonly Rect[] = [],
): Map<string, Rect> {
  const positions = new Map<string, Rect>()
  const byCard = new Map(placed)
  const occupied: Rect[] = [...placed.values(), ...otherOccupied]
  const sorted = cards.toSorted(
    (a, b) => placementRank[a.kind] - placementRank[b.kind] || (a.id < b.id ? -1 : 1),
  )
  for (const card of sorted) {
    const size = cardSizeByKind[card.kind]
    const start = startFor(card, byCard, occupied)
    const spot = findFreeSpot(start, size, occupied)
    positions.set(card.id, spot)
    byCard.set(card.id, spot)
    occupied.push(spot)
  }
  return positions
}

function startFor(
  card: CardToPlace,
  byCard: ReadonlyMap<string, Rect>,
  occupied: readonly Rect[],
): { x: number; y: number } {
  const parent = card.parentId ? byCard.get(card.parentId) : undefined
  if (parent && card.kind !== 'objective') {
    return { x: parent.x, y: parent.y + parent.h + CARD_GAP }
  }
  if (occupied.length === 0) return { x: 0, y: 0 }
  const top = Math.min(...occupied.map((rect) => rect.y))
  const left = Math.min(...occupied.map((rect) => rect.x))
  if (card.kind === 'objective') {
    // The objectives' row is the top row of the board.
    return { x: left, y: top }
  }
  const bottom = Math.max(...occupied.map((rect) => rect.y + rect.h))
  return { x: left, y: bottom + CARD_GAP * 2 }
}
