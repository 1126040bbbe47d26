/**
 * A latency histogram that millions of samples fit in: 0.1 ms buckets up to 100 ms, then
 * 1 ms buckets up to 60 s, then one overflow bucket. Workers fill their own and send the
 * counts to the main thread, which merges them. Percentiles are a bucket's upper edge, so
 * they never flatter (at most 0.1 ms high below 100 ms, 1 ms above).
 */
const FINE_BUCKETS = 1000 // 0.1 ms each, 0–100 ms
const COARSE_BUCKETS = 59_900 // 1 ms each, 100 ms–60 s
export const HISTOGRAM_SIZE = FINE_BUCKETS + COARSE_BUCKETS + 1

export interface Histogram {
  counts: Uint32Array
  n: number
  sum: number
  max: number
}

export const newHistogram = (): Histogram => ({
  counts: new Uint32Array(HISTOGRAM_SIZE),
  n: 0,
  sum: 0,
  max: 0,
})

function bucketOf(ms: number): number {
  if (ms < 0) return 0
  if (ms < 100) return Math.floor(ms * 10)
  return Math.min(HISTOGRAM_SIZE - 1, FINE_BUCKETS + Math.floor(ms - 100))
}

function upperEdge(bucket: number): number {
  if (bucket < FINE_BUCKETS) return (bucket + 1) / 10
  if (bucket === HISTOGRAM_SIZE - 1) return Number.POSITIVE_INFINITY
  return 100 + (bucket - FINE_BUCKETS) + 1
}

export function record(histogram: Histogram, ms: number): void {
  histogram.counts[bucketOf(ms)]++
  histogram.n++
  histogram.sum += ms
  if (ms > histogram.max) histogram.max = ms
}

export function merge(into: Histogram, from: Histogram): void {
  for (let i = 0; i < HISTOGRAM_SIZE; i++) into.counts[i] += from.counts[i]
  into.n += from.n
  into.sum += from.sum
  into.max = Math.max(into.max, from.max)
}

/** Nearest-rank percentile (as bench/support/stats.ts), NaN when empty. */
export function percentileOf(histogram: Histogram, p: number): number {
  if (histogram.n === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil((p / 100) * histogram.n))
  let seen = 0
  for (let i = 0; i < HISTOGRAM_SIZE; i++) {
    seen += histogram.counts[i]
    if (seen >= rank) return Math.min(upperEdge(i), histogram.max)
  }
  return histogram.max
}

export interface LatencySummary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export function summarizeHistogram(histogram: Histogram): LatencySummary {
  return {
    n: histogram.n,
    p50: percentileOf(histogram, 50),
    p95: percentileOf(histogram, 95),
    p99: percentileOf(histogram, 99),
    max: histogram.n === 0 ? Number.NaN : histogram.max,
    mean: histogram.n === 0 ? Number.NaN : histogram.sum / histogram.n,
  }
}
