import type { TimerState } from '../../../shared/controlDoc.ts'

/**
 * The shared timer as pure functions of its state and the server's clock. The control
 * document holds `{ endsAt, remainingMs, running }` (see shared/controlDoc.ts); `durationMs`
 * is our own optional addition so Reset can go back to the chosen duration (clients that
 * do not know it ignore it).
 */
export interface WorkshopTimer extends TimerState {
  durationMs?: number
}

export const ONE_MINUTE_MS = 60_000

/** What is left, in ms, at server time `serverNow`; never negative. */
export function remainingAt(timer: TimerState, serverNow: number): number {
  if (timer.running && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow)
  return Math.max(0, timer.remainingMs)
}

/** Running and still above zero. */
export function isCountingDown(timer: TimerState, serverNow: number): boolean {
  return timer.running && remainingAt(timer, serverNow) > 0
}

/** Nothing to show: never started, or reset to nothing. */
export function isIdle(timer: TimerState): boolean {
  return !timer.running && timer.remainingMs <= 0
}

export function startTimer(durationMs: number, serverNow: number): WorkshopTimer {
  return { endsAt: serverNow + durationMs, remainingMs: durationMs, running: true, durationMs }
}

export function pauseTimer(timer: WorkshopTimer, serverNow: number): WorkshopTimer {
  return { ...timer, endsAt: null, remainingMs: remainingAt(timer, serverNow), running: false }
}

export function resumeTimer(timer: WorkshopTimer, serverNow: number): WorkshopTimer {
  const remainingMs = remainingAt(timer, serverNow)
  return { ...timer, endsAt: serverNow + remainingMs, remainingMs, running: true }
}

/** One more minute, counted from now when the timer had already run out. */
export function addMinute(timer: WorkshopTimer, serverNow: number): WorkshopTimer {
  const remainingMs = remainingAt(timer, serverNow) + ONE_MINUTE_MS
  const durationMs = (timer.durationMs ?? 0) + ONE_MINUTE_MS
  if (!timer.running) return { ...timer, remainingMs, durationMs }
  return { ...timer, endsAt: serverNow + remainingMs, remainingMs, durationMs }
}

/** Stopped, back at the last chosen duration (or at nothing when there was none). */
export function resetTimer(timer: WorkshopTimer): WorkshopTimer {
  return { ...timer, endsAt: null, remainingMs: timer.durationMs ?? 0, running: false }
}

const two = (n: number) => String(n).padStart(2, '0')

/** `mm:ss` (or `h:mm:ss`), counting whole seconds up so zero shows only at the end. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`
}

/** Minutes typed by a person → ms, or null when it is not a usable duration (max 10 h). */
export function parseMinutes(input: string): number | null {
  const minutes = Number(input.trim().replace(',', '.'))
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 600) return null
  return Math.round(minutes * ONE_MINUTE_MS)
}
