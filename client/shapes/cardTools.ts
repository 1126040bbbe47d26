import type { CardKind } from '../../shared/cardSchema.ts'

/** The card kinds that have a canvas tool (actions come from PDCA retros, not the toolbar). */
export const toolCardKinds = ['objective', 'keyResult', 'initiative'] as const
export type ToolCardKind = (typeof toolCardKinds)[number]

/** tldraw tool id of a card tool, e.g. `okr-keyResult`. */
export function cardToolId(kind: ToolCardKind): `okr-${ToolCardKind}` {
  return `okr-${kind}`
}

/**
 * Keyboard shortcuts, chosen among keys tldraw leaves free: Shift plus the kind's
 * initial (plain O is the ellipse, K the laser).
 */
export const cardToolShortcut: Record<ToolCardKind, { kbd: string; hint: string }> = {
  objective: { kbd: 'shift+o', hint: 'Shift+O' },
  keyResult: { kbd: 'shift+k', hint: 'Shift+K' },
  initiative: { kbd: 'shift+i', hint: 'Shift+I' },
}

/**
 * The kind of card that a new card of `kind` is placed under when one is selected as
 * the tool creates it: a key result under the selected objective, an initiative under the
 * selected key result. Objectives are not nested this way (a selected objective is more
 * often a neighbour than a parent); people align objectives with an arrow or the outline.
 */
export const parentKindForNewCard: Partial<Record<CardKind, CardKind>> = {
  keyResult: 'objective',
  initiative: 'keyResult',
}
