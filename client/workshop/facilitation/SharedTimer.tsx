import type * as Y from 'yjs'
import { StopwatchIcon } from './icons.tsx'
import { TimerControls } from './TimerControls.tsx'
import { formatRemaining } from './timerLogic.ts'
import { useSharedTimer } from './useSharedTimer.ts'

/**
 * The room's countdown in the header: the same on every screen (server clock), pulsing
 * when it reaches zero. Only the facilitator gets controls; others see nothing while no
 * timer is set. The countdown appears once this screen knows the server's clock.
 */
export function SharedTimer(props: { controlDoc: Y.Doc; canControl: boolean }) {
  const { controlDoc, canControl } = props
  const view = useSharedTimer(controlDoc)
  if (view.idle && !canControl) return null

  const state = view.timeUp ? 'up' : view.timer.running ? 'running' : 'paused'
  return (
    <div className="cb-timer" data-state={state}>
      {!view.idle && view.clockReady && (
        <span
          className="cb-timer__display"
          data-testid="timer-remaining"
          role="timer"
          aria-label={view.timeUp ? 'Time is up' : `Time left ${formatRemaining(view.remainingMs)}`}
          title={view.timer.running ? 'Time left' : 'Timer paused'}
        >
          <StopwatchIcon size={13} /> {formatRemaining(view.remainingMs)}
          {state === 'paused' && <span className="cb-timer__paused"> paused</span>}
        </span>
      )}
      {canControl && <TimerControls controlDoc={controlDoc} view={view} />}
    </div>
  )
}
