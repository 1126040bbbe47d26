import type { Box, TLInstancePresence, TLUserId } from 'tldraw'

/**
 * How often a peer whose cursor is out of our sight gets their presence updated in tldraw.
 * tldraw then moves the arrow at the edge of the screen that points at them.
 */
export const OUT_OF_SIGHT_EVERY_MS = 1_000

/** The view counts this much bigger on each side (share of its longer side), so a cursor
 * coming into view is already moving at full rate when it gets there. */
const SIGHT_MARGIN = 0.2

/**
 * Whether a peer's new presence should reach tldraw at once or may wait for the next
 * out-of-sight round.
 *
 * Every presence change tldraw takes costs the page: each cursor is a React component, the
 * edge arrows are redrawn, and every reactive view of the collaborators runs again. With 200
 * people moving their cursors ten times a second that kept a participant's main thread
 * ~90 % busy at 8 frames a second. What someone can see must move at once: a cursor in or near
 * their view (or one that just left it), the person they follow, a peer just arrived, a change
 * of page, name, colour or selection. A cursor moving out of sight only moves an arrow at the
 * edge, which can wait a second.
 */
export function isWantedAtOnce(
  next: TLInstancePresence,
  shown: TLInstancePresence | undefined,
  view: Box,
  followingUserId: TLUserId | null,
): boolean {
  if (!shown || next.userId === followingUserId) return true
  if (
    next.currentPageId !== shown.currentPageId ||
    next.userName !== shown.userName ||
    next.color !== shown.color ||
    !sameIds(next.selectedShapeIds, shown.selectedShapeIds)
  ) {
    return true
  }
  const margin = SIGHT_MARGIN * Math.max(view.w, view.h)
  const inSight = (cursor: TLInstancePresence['cursor']) =>
    cursor !== null && view.containsPoint(cursor, margin)
  return inSight(next.cursor) || inSight(shown.cursor)
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
