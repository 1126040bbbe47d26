import { allowedParentKinds, type CardKind } from '../../shared/cardSchema.ts'

/** Whether a card of `parentKind` may be the parent of a card of `childKind`. */
export function canBeParentKind(childKind: CardKind, parentKind: CardKind): boolean {
  return allowedParentKinds[childKind]?.includes(parentKind) ?? false
}

/**
 * Whether making `parentId` the parent of `childId` would close a loop (an objective
 * aligned, through its ancestors, to itself). `parentOf` reads the current parent of a
 * card; the walk is bounded so a loop that already exists cannot hang it.
 */
export function wouldCreateCycle(
  parentOf: (id: string) => string | null | undefined,
  childId: string,
  parentId: string,
): boolean {
  const seen = new Set<string>()
  let current: string | null | undefined = parentId
  while (current) {
    if (current === childId) return true
    if (seen.has(current)) return false
    seen.add(current)
    current = parentOf(current)
  }
  return false
}

export type AlignmentCheck =
  { ok: true } | { ok: false; reason: 'same-card' | 'kind-not-allowed' | 'cycle' }

/** Whether `child` may be aligned under `parent`: the kind rule, and no loops. */
export function checkAlignment(
  child: { id: string; kind: CardKind },
  parent: { id: string; kind: CardKind },
  parentOf: (id: string) => string | null | undefined,
): AlignmentCheck {
  if (child.id === parent.id) return { ok: false, reason: 'same-card' }
  if (!canBeParentKind(child.kind, parent.kind)) return { ok: false, reason: 'kind-not-allowed' }
  if (wouldCreateCycle(parentOf, child.id, parent.id)) return { ok: false, reason: 'cycle' }
  return { ok: true }
}
