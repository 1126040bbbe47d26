import { describe, expect, it } from 'vitest'
import {
  formatPercent,
  isMilestoneDone,
  keyResultProgress,
  metricProgress,
} from '../../client/cards/progress.ts'

const metric = (from: number, to: number, current: number) => ({ from, to, current, unit: '' })

describe('metricProgress', () => {
  it('is (current - from) / (to - from)', () => {
    expect(metricProgress(metric(0, 200, 50))).toBe(0.25)
  })

  it('works for a falling target', () => {
    // From 10 down to 5, now at 7: 3 of the 5 points are done.
    expect(metricProgress(metric(10, 5, 7))).toBeCloseTo(0.6)
  })

  it('clamps to 0..1', () => {
    expect(metricProgress(metric(0, 10, -5))).toBe(0)
    expect(metricProgress(metric(0, 10, 25))).toBe(1)
  })

  it('treats from === to as reached or not', () => {
    expect(metricProgress(metric(3, 3, 3))).toBe(1)
    expect(metricProgress(metric(3, 3, 2))).toBe(0)
  })
})

describe('keyResultProgress', () => {
  it('is 0 or 1 for a milestone', () => {
    expect(keyResultProgress({ milestone: true, metric: metric(0, 1, 0) })).toBe(0)
    expect(keyResultProgress({ milestone: true, metric: metric(0, 1, 1) })).toBe(1)
    // Half way is still "not done" for a milestone.
    expect(keyResultProgress({ milestone: true, metric: metric(0, 10, 5) })).toBe(0)
    expect(isMilestoneDone(metric(0, 1, 1))).toBe(true)
    expect(isMilestoneDone(null)).toBe(false)
  })

  it('is null without a metric unless it is a milestone', () => {
    expect(keyResultProgress({ milestone: false, metric: null })).toBeNull()
    expect(keyResultProgress({ milestone: true, metric: null })).toBe(0)
  })

  it('formats as a rounded percentage', () => {
    expect(formatPercent(0.256)).toBe('26 %')
    expect(formatPercent(2)).toBe('100 %')
  })
})
