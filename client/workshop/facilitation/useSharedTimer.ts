import { useEffect, useMemo, useRef } from 'react'
import type * as Y from 'yjs'
import { serverNow, useServerClockReady } from './serverClock.ts'
import { isIdle, remainingAt, type WorkshopTimer } from './timerLogic.ts'
import { playSoftChime } from './timerSignal.ts'
import { useControlValue } from './useControlValue.ts'
import { useTicker } from './useTicker.ts'

const NO_TIMER: WorkshopTimer = { endsAt: null, remainingMs: 0, running: false }

function asTimer(value: unknown): WorkshopTimer {
  if (!value || typeof value !== 'object') return NO_TIMER
  const { endsAt, remainingMs, running, durationMs } = value as Partial<WorkshopTimer>
  return {
    endsAt: typeof endsAt === 'number' ? endsAt : null,
    remainingMs: typeof remainingMs === 'number' ? remainingMs : 0,
    running: running === true,
    ...(typeof durationMs === 'number' ? { durationMs } : {}),
  }
}

export interface SharedTimerView {
  timer: WorkshopTimer
  remainingMs: number
  idle: boolean
  /** Ran out while running: the display pulses until the facilitator resets or adds time. */
  timeUp: boolean
  /** This screen knows the server's clock (or has given up asking): the countdown is right. */
  clockReady: boolean
}

/**
 * The control document's timer, ticking on the server's clock, with the signal at zero.
 * The chime plays only when this screen saw the countdown cross zero, not when someone
 * opens a board whose timer ran out long ago.
 */
export function useSharedTimer(controlDoc: Y.Doc): SharedTimerView {
  const stored = useControlValue(controlDoc, 'timer')
  const timer = useMemo(() => asTimer(stored), [stored])
  const clockReady = useServerClockReady()
  const running = timer.running && timer.endsAt !== null
  useTicker(running)
  const remainingMs = remainingAt(timer, serverNow())
  const timeUp = running && remainingMs === 0

  const wasCounting = useRef(false)
  // The timer value we chimed for: one chime per countdown, however often we re-render.
  const chimedFor = useRef<unknown>(null)
  useEffect(() => {
    if (timeUp && wasCounting.current && chimedFor.current !== stored) {
      chimedFor.current = stored
      playSoftChime()
    }
    wasCounting.current = running && remainingMs > 0
  }, [timeUp, running, remainingMs, stored])

  return { timer, remainingMs, idle: isIdle(timer), timeUp, clockReady }
}
