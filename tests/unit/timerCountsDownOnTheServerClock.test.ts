import { describe, expect, it } from 'vitest'
import {
  addMinute,
  formatRemaining,
  isIdle,
  parseMinutes,
  pauseTimer,
  remainingAt,
  resetTimer,
  resumeTimer,
  startTimer,
} from '../../client/workshop/facilitation/timerLogic.ts'

const MIN = 60_000

describe('shared timer', () => {
  it('counts down from endsAt on the server clock, never below zero', () => {
    const timer = startTimer(5 * MIN, 1_000_000)
    expect(timer).toEqual({
      endsAt: 1_000_000 + 5 * MIN,
      remainingMs: 5 * MIN,
      running: true,
      durationMs: 5 * MIN,
    })
    // 90 s later, 3.5 min are left.
    expect(remainingAt(timer, 1_000_000 + 90_000)).toBe(3.5 * MIN)
    expect(remainingAt(timer, 1_000_000 + 6 * MIN)).toBe(0)
  })

  it('two screens with different local clocks agree once both use the server clock', () => {
    const timer = startTimer(10 * MIN, 50_000)
    const serverNow = 50_000 + 123_456
    // Laptop A is 7 s fast, laptop B 3 s slow; each corrects by its own offset.
    const onA = remainingAt(timer, serverNow + 7_000 + -7_000)
    const onB = remainingAt(timer, serverNow - 3_000 + 3_000)
    expect(onA).toBe(onB)
  })

  it('pauses with the time left and resumes from it', () => {
    const running = startTimer(5 * MIN, 0)
    const paused = pauseTimer(running, 2 * MIN)
    expect(paused).toMatchObject({ endsAt: null, remainingMs: 3 * MIN, running: false })
    // Paused time does not run.
    expect(remainingAt(paused, 10 * MIN)).toBe(3 * MIN)
    const resumed = resumeTimer(paused, 10 * MIN)
    expect(resumed).toMatchObject({ endsAt: 13 * MIN, remainingMs: 3 * MIN, running: true })
  })

  it('adds a minute to a running, a paused and an expired timer', () => {
    const running = startTimer(5 * MIN, 0)
    expect(remainingAt(addMinute(running, MIN), MIN)).toBe(5 * MIN)
    const paused = pauseTimer(running, MIN)
    expect(addMinute(paused, 2 * MIN).remainingMs).toBe(5 * MIN)
    // Ran out at 5 min; at 7 min "+1" means one minute from now, not from the end.
    expect(remainingAt(addMinute(running, 7 * MIN), 7 * MIN)).toBe(MIN)
  })

  it('resets to the chosen duration, stopped; without a duration it is idle', () => {
    const running = addMinute(startTimer(5 * MIN, 0), 0)
    expect(resetTimer(running)).toMatchObject({
      endsAt: null,
      remainingMs: 6 * MIN,
      running: false,
    })
    expect(isIdle(resetTimer({ endsAt: null, remainingMs: 0, running: false }))).toBe(true)
  })

  it('shows whole seconds rounded up, so 00:00 appears only at the end', () => {
    expect(formatRemaining(5 * MIN)).toBe('05:00')
    expect(formatRemaining(4 * MIN + 59_001)).toBe('05:00')
    expect(formatRemaining(61_000)).toBe('01:01')
    expect(formatRemaining(1)).toBe('00:01')
    expect(formatRemaining(0)).toBe('00:00')
    expect(formatRemaining(-5)).toBe('00:00')
    expect(formatRemaining(2 * 3600_000 + 5_000)).toBe('2:00:05')
  })

  it('parses custom minutes', () => {
    expect(parseMinutes('7')).toBe(7 * MIN)
    expect(parseMinutes(' 2,5 ')).toBe(2.5 * MIN)
    expect(parseMinutes('0')).toBeNull()
    expect(parseMinutes('abc')).toBeNull()
    expect(parseMinutes('601')).toBeNull()
  })
})
