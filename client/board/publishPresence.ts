import { atom, isEqual, react, type Editor, type TLEventInfo } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { Session } from './BoardContext.tsx'
import type { PresenceState } from './presenceState.ts'

/** Awareness updates are sent at most this often (≤ 30 per second). */
export const PRESENCE_INTERVAL_MS = 33

type LivePresence = Pick<PresenceState, 'cursor' | 'pageId' | 'viewport' | 'selectedShapeIds'>

const round = (value: number) => Math.round(value * 100) / 100

/**
 * `hasPointed`: a pointer (mouse, pen or finger) has been on the canvas since it opened.
 * tldraw's `isHoveringCanvas` is true while a mouse or pen is over the canvas and false once
 * it left; it is null where there is no hover (touch), and also before a mouse has entered
 * at all. With null, the point is someone's cursor only once they have touched the canvas:
 * before that it is the page origin, where nobody pointed.
 */
function readLivePresence(editor: Editor, hasPointed: boolean): LivePresence {
  // The input state, not tldraw's pointer record: tldraw writes that record only while it
  // has collaborators, so someone alone on a board would publish a stale point (the page
  // origin) and the next person to join would see their cursor there until they moved.
  const pointer = editor.inputs.getCurrentPagePoint()
  const hovering = editor.getInstanceState().isHoveringCanvas
  const pointing = hovering === true || (hovering === null && hasPointed)
  const viewport = editor.getViewportPageBounds()
  return {
    cursor: pointing ? { x: round(pointer.x), y: round(pointer.y) } : null,
    pageId: editor.getCurrentPageId(),
    viewport: {
      x: round(viewport.x),
      y: round(viewport.y),
      w: round(viewport.w),
      h: round(viewport.h),
    },
    selectedShapeIds: [...editor.getSelectedShapeIds()],
  }
}

/**
 * Publish our PresenceState in the board room's awareness and keep it current: cursor
 * (page coordinates), page, viewport and selection. Writes are throttled and merged into
 * one `setLocalState` so a burst of pointer moves is one awareness message. Other fields
 * (`editingCardId`, set by the cards code) are kept as they are.
 */
export function publishPresence(editor: Editor, awareness: Awareness, session: Session) {
  const user: PresenceState['user'] = {
    id: session.participantId,
    name: session.name,
    color: session.color,
    role: session.role,
  }
  const hasPointed = atom('has pointed at the canvas', false)
  const notePointer = (info: TLEventInfo) => {
    if (info.type === 'pointer') hasPointed.set(true)
  }
  editor.on('event', notePointer)

  let published: LivePresence = readLivePresence(editor, false)
  const previous = (awareness.getLocalState() ?? {}) as Partial<PresenceState>
  const initial: PresenceState = {
    editingCardId: null,
    ...previous,
    user,
    ...published,
    lastActivity: Date.now(),
  }
  awareness.setLocalState(initial)

  let latest: LivePresence = published
  let timer: number | null = null
  let lastSentAt = -Infinity

  const send = () => {
    timer = null
    if (isEqual(latest, published)) return
    lastSentAt = performance.now()
    published = latest
    const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>
    awareness.setLocalState({ ...current, user, ...latest, lastActivity: Date.now() })
  }

  const stopReacting = react('publish presence', () => {
    latest = readLivePresence(editor, hasPointed.get())
    if (timer !== null) return
    const wait = Math.max(0, lastSentAt + PRESENCE_INTERVAL_MS - performance.now())
    timer = window.setTimeout(send, wait)
  })

  return () => {
    editor.off('event', notePointer)
    stopReacting()
    if (timer !== null) window.clearTimeout(timer)
  }
}
