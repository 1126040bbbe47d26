import { Box, react, type Editor, type TLPageId } from 'tldraw'
import { getControlRoot } from '../../../shared/controlDoc.ts'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { setFocus, type FocusBounds } from './controlWrites.ts'
import { serverNow } from './serverClock.ts'
import { readFocus } from './useFocus.ts'

/** ~10 updates a second: smooth enough to follow, light on a room of 200 sockets. */
const BROADCAST_EVERY_MS = 100
/** The first jump to the facilitator's view glides, so people see where they went. */
const FIRST_JUMP = { animation: { duration: 300 } }

/**
 * "Bring everyone here". While `control.focus` is set, the facilitator who set it writes
 * their viewport there (throttled), and every other client moves its camera to show those
 * bounds. Clearing it releases everyone where they are.
 */
export function installFocusFollowing(editor: Editor, board: BoardContextValue): () => void {
  const root = getControlRoot(board.controlDoc)
  const me = board.session.participantId
  const canBroadcast = board.session.role === 'facilitator'
  let stopBroadcast: (() => void) | null = null
  let following = false

  const apply = () => {
    const focus = readFocus(root.get('focus'))
    const mine = !!focus && focus.by === me
    if (mine && canBroadcast) stopBroadcast ??= broadcastViewport(editor, board, me)
    else {
      stopBroadcast?.()
      stopBroadcast = null
    }
    if (focus && !mine) {
      showBounds(editor, focus, !following)
      following = true
    } else {
      following = false
    }
  }

  const onControlChanged = (event: { keysChanged: Set<string> }) => {
    if (event.keysChanged.has('focus')) apply()
  }
  root.observe(onControlChanged)
  apply()

  return () => {
    root.unobserve(onControlChanged)
    stopBroadcast?.()
  }
}

/** The facilitator turns "bring everyone here" on: their current view becomes the focus. */
export function startBringingEveryone(editor: Editor, board: BoardContextValue): void {
  setFocus(board.controlDoc, viewportFocus(editor, board.session.participantId))
}

export function stopBringingEveryone(board: BoardContextValue): void {
  setFocus(board.controlDoc, null)
}

function viewportFocus(editor: Editor, me: string): FocusBounds {
  const bounds = editor.getViewportPageBounds()
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    w: Math.max(1, Math.round(bounds.w)),
    h: Math.max(1, Math.round(bounds.h)),
    by: me,
    at: serverNow(),
    pageId: editor.getCurrentPageId(),
  }
}

function showBounds(editor: Editor, focus: FocusBounds, isFirst: boolean): void {
  const pageId = focus.pageId as TLPageId | undefined
  if (pageId && pageId !== editor.getCurrentPageId() && editor.getPage(pageId)) {
    editor.setCurrentPage(pageId)
  }
  // tldraw's own "follow a person" would fight with this for the camera.
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
  editor.zoomToBounds(new Box(focus.x, focus.y, focus.w, focus.h), {
    inset: 0,
    ...(isFirst ? FIRST_JUMP : {}),
  })
}

/** Writes the facilitator's viewport into `control.focus` whenever it moves, throttled. */
function broadcastViewport(editor: Editor, board: BoardContextValue, me: string): () => void {
  let lastWritten = ''
  let lastWriteAt = 0
  let pending: ReturnType<typeof setTimeout> | null = null

  const write = () => {
    pending = null
    const focus = viewportFocus(editor, me)
    const key = `${focus.x},${focus.y},${focus.w},${focus.h},${focus.pageId}`
    if (key === lastWritten) return
    // Turned off (or taken over by another facilitator) in the meantime: do not restart it.
    if (readFocus(getControlRoot(board.controlDoc).get('focus'))?.by !== me) return
    lastWritten = key
    lastWriteAt = Date.now()
    setFocus(board.controlDoc, focus)
  }

  const stopReacting = react('broadcast facilitator viewport', () => {
    editor.getViewportPageBounds()
    editor.getCurrentPageId()
    if (pending) return
    const wait = Math.max(0, lastWriteAt + BROADCAST_EVERY_MS - Date.now())
    pending = setTimeout(write, wait)
  })

  return () => {
    stopReacting()
    if (pending) clearTimeout(pending)
  }
}
