/**
 * Private writing: while the facilitator has it on, cards other people created since it
 * started are hidden on your screen until the facilitator reveals them. This only hides
 * them in the UI: the text is in the shared board document, which every client receives,
 * so it is a nudge to think independently, not a secret.
 */
export interface PrivateWriting {
  on: boolean
  /** ISO time it was turned on. */
  since: string
}

export function isPrivateWritingOn(value: unknown): value is PrivateWriting {
  if (!value || typeof value !== 'object') return false
  const { on, since } = value as Partial<PrivateWriting>
  return on === true && typeof since === 'string'
}

/**
 * Whether a card is hidden from `viewerName`. Cards record their author by name
 * (`createdBy`), so two people with the same name see each other's cards.
 */
export function isCardHiddenFrom(
  card: { createdBy: string; createdAt: string },
  privateWriting: unknown,
  viewerName: string,
): boolean {
  if (!isPrivateWritingOn(privateWriting)) return false
  if (card.createdBy === viewerName) return false
  const created = Date.parse(card.createdAt)
  const since = Date.parse(privateWriting.since)
  if (!Number.isFinite(created) || !Number.isFinite(since)) return false
  return created >= since
}
