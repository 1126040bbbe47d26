/**
 * "Put the caret in this card's title when it appears": a card created by a tool or in
 * the outline mounts a moment later, so the request waits here until its field mounts.
 * Requests are keyed by surface so the canvas and the outline do not steal each other's.
 * A request lasts until the field has focus, or expires, so a field that mounts twice
 * (React's StrictMode in development) still gets it, and a card that mounts much later
 * (scrolled into view) does not grab the caret by surprise.
 */
export type FocusSurface = 'canvas' | 'outline'

const REQUEST_LIFETIME_MS = 2000
const pending = new Map<string, number>()

const keyOf = (surface: FocusSurface, cardId: string) => `${surface}:${cardId}`

export function requestTitleFocus(surface: FocusSurface, cardId: string): void {
  pending.set(keyOf(surface, cardId), Date.now())
}

export function hasTitleFocusRequest(surface: FocusSurface, cardId: string): boolean {
  const key = keyOf(surface, cardId)
  const requestedAt = pending.get(key)
  if (requestedAt === undefined) return false
  if (Date.now() - requestedAt <= REQUEST_LIFETIME_MS) return true
  pending.delete(key)
  return false
}

export function completeTitleFocusRequest(surface: FocusSurface, cardId: string): void {
  pending.delete(keyOf(surface, cardId))
}
