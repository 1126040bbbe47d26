import type { SyntheticEvent } from 'react'

const stop = (event: SyntheticEvent) => event.stopPropagation()

/**
 * Spread on every control inside a card. The canvas turns pointer events that reach it
 * into select-and-drag, and keys into shortcuts; stopping them at the control lets people
 * click, select text and type in a card without moving it or triggering a tool.
 */
export const stopCanvasEvents = {
  onPointerDown: stop,
  onPointerUp: stop,
  onTouchStart: stop,
  onTouchEnd: stop,
  onKeyDown: stop,
  onKeyUp: stop,
  onDoubleClick: stop,
}
