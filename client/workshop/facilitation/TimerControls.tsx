import { useState } from 'react'
import type * as Y from 'yjs'
import { setTimer } from './controlWrites.ts'
import { PauseIcon, PlayIcon, ResetIcon, StopwatchIcon } from './icons.tsx'
import { Popover } from './Popover.tsx'
import { serverNow } from './serverClock.ts'
import {
  addMinute,
  ONE_MINUTE_MS,
  parseMinutes,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startTimer,
} from './timerLogic.ts'
import type { SharedTimerView } from './useSharedTimer.ts'

const PRESET_MINUTES = [5, 10, 15] as const

/** The facilitator's timer buttons: start (presets or custom), pause / resume, +1 min, reset. */
export function TimerControls(props: { controlDoc: Y.Doc; view: SharedTimerView }) {
  const { controlDoc, view } = props
  const { timer, idle, remainingMs } = view
  const write = (next: Parameters<typeof setTimer>[1]) => setTimer(controlDoc, next)

  return (
    <span className="cb-timer__controls">
      <TimerStartMenu
        label={idle ? 'Timer' : 'New'}
        compact={!idle}
        onStart={(ms) => write(startTimer(ms, serverNow()))}
      />
      {!idle && timer.running && remainingMs > 0 && (
        <button
          type="button"
          className="cb-icon-button cb-timer__button"
          data-testid="timer-pause"
          title="Pause the timer for everyone"
          aria-label="Pause timer"
          onClick={() => write(pauseTimer(timer, serverNow()))}
        >
          <PauseIcon size={12} />
        </button>
      )}
      {!idle && !timer.running && remainingMs > 0 && (
        <button
          type="button"
          className="cb-icon-button cb-timer__button"
          data-testid="timer-resume"
          title="Resume the timer for everyone"
          aria-label="Resume timer"
          onClick={() => write(resumeTimer(timer, serverNow()))}
        >
          <PlayIcon size={12} />
        </button>
      )}
      {!idle && (
        <button
          type="button"
          className="cb-icon-button cb-timer__button"
          data-testid="timer-add-minute"
          title="Add one minute"
          aria-label="Add one minute"
          onClick={() => write(addMinute(timer, serverNow()))}
        >
          +1
        </button>
      )}
      {!idle && (
        <button
          type="button"
          className="cb-icon-button cb-timer__button"
          data-testid="timer-reset"
          title="Stop and go back to the full duration"
          aria-label="Reset timer"
          onClick={() => write(resetTimer(timer))}
        >
          <ResetIcon size={13} />
        </button>
      )}
    </span>
  )
}

function TimerStartMenu(props: { label: string; compact: boolean; onStart: (ms: number) => void }) {
  const [open, setOpen] = useState(false)
  const [custom, setCustom] = useState('')
  const customMs = parseMinutes(custom)
  const start = (ms: number) => {
    props.onStart(ms)
    setOpen(false)
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Start a timer for everyone"
      trigger={
        <button
          type="button"
          className={`cb-button cb-button--small${props.compact ? ' cb-timer__menu--compact' : ''}`}
          data-testid="timer-menu"
          aria-expanded={open}
          aria-label={props.compact ? 'Start a new timer' : undefined}
          title="Start a timer for everyone"
          onClick={() => setOpen(!open)}
        >
          {props.compact ? <StopwatchIcon size={12} /> : props.label} ▾
        </button>
      }
    >
      <div className="cb-timer__presets">
        {PRESET_MINUTES.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="cb-button cb-button--small"
            data-testid={`timer-start-${minutes}`}
            onClick={() => start(minutes * ONE_MINUTE_MS)}
          >
            {minutes} min
          </button>
        ))}
      </div>
      <form
        className="cb-timer__custom"
        onSubmit={(event) => {
          event.preventDefault()
          if (customMs !== null) start(customMs)
        }}
      >
        <label className="cb-workshop-label">
          Minutes
          <input
            className="cb-input cb-input--small"
            data-testid="timer-custom-minutes"
            inputMode="decimal"
            value={custom}
            placeholder="e.g. 7"
            onChange={(event) => setCustom(event.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          className="cb-button cb-button--small cb-button--primary"
          data-testid="timer-start-custom"
          disabled={customMs === null}
        >
          Start
        </button>
      </form>
    </Popover>
  )
}
