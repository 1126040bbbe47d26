/** Fist-of-five verdicts: what the distribution of 0..5 answers on one card says. */
export type FistCounts = readonly [number, number, number, number, number, number]

/**
 * - `discuss`: someone answered 0, 1 or 2 (they cannot live with it; talk before agreeing);
 * - `consensus`: there are answers and all of them are 3 or more;
 * - `none`: nobody answered yet.
 */
export type FistVerdict = 'consensus' | 'discuss' | 'none'

export function answerCount(counts: FistCounts): number {
  return counts.reduce((sum, n) => sum + n, 0)
}

export function fistVerdict(counts: FistCounts | undefined): FistVerdict {
  if (!counts || answerCount(counts) === 0) return 'none'
  return counts[0] + counts[1] + counts[2] > 0 ? 'discuss' : 'consensus'
}

/** Mean answer (0..5), or null without answers. */
export function fistMean(counts: FistCounts | undefined): number | null {
  if (!counts) return null
  const total = answerCount(counts)
  if (total === 0) return null
  let sum = 0
  counts.forEach((n, answer) => (sum += n * answer))
  return sum / total
}

export const verdictLabel: Record<FistVerdict, string> = {
  consensus: '✓ consensus',
  discuss: '⚑ discuss',
  none: 'no answers',
}
