/**
 * Key result grades at PDCA "Check": 0.0–1.0, where 0.7 is the usual stretch target.
 * The bands colour the grade on the card so the board reads at a glance.
 */
export const GRADE_GUIDANCE = '0.7 is a good stretch outcome'

export type GradeBand = 'none' | 'low' | 'middle' | 'good'

/** < 0.4 low (red), < 0.7 middle (amber), ≥ 0.7 good (green); no grade yet: none. */
export function gradeBand(grade: number | null): GradeBand {
  if (grade === null) return 'none'
  if (grade < 0.4) return 'low'
  if (grade < 0.7) return 'middle'
  return 'good'
}

export const gradeBandLabel: Record<GradeBand, string> = {
  none: 'not graded yet',
  low: 'well below target',
  middle: 'below the stretch target',
  good: 'at or above the stretch target',
}

/** One decimal, as grades are spoken ("point seven"); two when someone typed 0.75. */
export function formatGrade(grade: number | null): string {
  if (grade === null) return '–'
  const rounded = Math.round(grade * 100) / 100
  return rounded.toFixed(Number.isInteger(rounded * 10) ? 1 : 2)
}

/**
 * What a typed grade means: `null` clears it, a number in 0..1 sets it (a comma works as
 * the decimal point, as many people type it), anything else is `undefined`: not a grade,
 * keep the stored one.
 */
export function parseGrade(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return null
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  if (!Number.isFinite(value) || value < 0 || value > 1) return undefined
  return Math.round(value * 100) / 100
}
