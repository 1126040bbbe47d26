import type { Role } from './BoardContext.tsx'

/**
 * What each client publishes in the board room's Yjs awareness. Other clients render it
 * as cursors (tldraw presence), the participant list, and "who is editing which card".
 */
export interface PresenceState {
  user: { id: string; name: string; color: string; role: Role }
  /** Cursor in page coordinates, or null when the pointer is off the canvas. */
  cursor: { x: number; y: number } | null
  /** The current page's id, so cursors only show on the page they belong to. */
  pageId: string | null
  /** Camera viewport in page coordinates; used by "follow" and "bring everyone here". */
  viewport: { x: number; y: number; w: number; h: number } | null
  /** Shape ids this person has selected. */
  selectedShapeIds: string[]
  /** The card (id in the `cards` map) whose title/notes this person is typing into. */
  editingCardId: string | null
  /** Milliseconds since epoch of the last presence change (for "idle" hints). */
  lastActivity: number
}

export type PartialPresence = Partial<Omit<PresenceState, 'user'>>
