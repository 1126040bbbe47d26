import type { Metric } from '../../shared/cardSchema.ts'

/**
 * How far a metric has moved from `from` towards `to`, clamped to 0..1. Works for
 * falling targets too (from 10 → to 5: current 7 is 60 %). A metric whose start equals its
 * target is either reached (1) or not (0).
 */
export function metricProgress(metric: Metric): number {
  const { from, to, current } = metric
  if (![from, to, current].every(Number.isFinite)) return 0
  if (to === from) return current === to ? 1 : 0
  return clamp01((current - from) / (to - from))
}

/**
 * Progress of a key result. A milestone key result is done or not done: it is done when
 * its metric has reached the target (the "done" checkbox writes `current = to`, "not
 * done" writes `current = from`), so exports that read from/to/current agree with it.
 * Returns null when there is nothing to measure.
 */
export function keyResultProgress(card: {
  metric: Metric | null
  milestone: boolean
}): number | null {
  if (!card.metric) return card.milestone ? 0 : null
  const progress = metricProgress(card.metric)
  if (card.milestone) return progress >= 1 ? 1 : 0
  return progress
}

export function isMilestoneDone(metric: Metric | null): boolean {
  return metric !== null && metricProgress(metric) >= 1
}

/** "42 %" for a progress value, as shown on the card and in the outline. */
export function formatPercent(progress: number): string {
  return `${Math.round(clamp01(progress) * 100)} %`
}

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0
  return Math.min(1, Math.max(0, value))
}
