import type { CardKind } from '../../shared/cardSchema.ts'

/** Default size of a new card on the canvas; key results are taller for their metric. */
export const cardSizeByKind: Record<CardKind, { w: number; h: number }> = {
  objective: { w: 320, h: 250 },
  keyResult: { w: 320, h: 340 },
  initiative: { w: 280, h: 230 },
  action: { w: 280, h: 250 },
}

/** Space between cards placed automatically. */
export const CARD_GAP = 40
