import type { Figure } from '../support/scenario.ts'

/**
 * One line of the side-by-side table: a figure for Catchball and the same figure for the
 * reference relay (null where there is no reference: voting, outcomes, the browser), the
 * ratio Catchball / reference, and the issue's goal with whether Catchball met it.
 */
export interface ComparisonRow {
  scenario: string
  metric: string
  unit: string
  catchball: number | string | null
  reference: number | string | null
  ratio: number | null
  goal: string | null
  met: boolean | null
}

export interface Goal {
  text: string
  check: (catchball: number, reference: number | null) => boolean
}

export const below = (limit: number, unit: string): Goal => ({
  text: `< ${limit} ${unit}`.trim(),
  check: (c) => c < limit,
})
export const atMost = (limit: number, unit: string): Goal => ({
  text: `≤ ${limit} ${unit}`.trim(),
  check: (c) => c <= limit,
})
export const atMostReference = (factor = 1): Goal => ({
  text: factor === 1 ? '≤ reference' : `≤ ${factor} × reference`,
  check: (c, r) => r !== null && Number.isFinite(r) && c <= factor * r,
})
export const everything: Goal = { text: '100 %', check: (c) => c >= 100 }

export function row(
  scenario: string,
  metric: string,
  unit: string,
  catchball: number | string | null,
  reference: number | string | null,
  goal?: Goal,
): ComparisonRow {
  const numeric = typeof catchball === 'number' && typeof reference === 'number'
  const ratio = numeric && reference !== 0 ? (catchball as number) / (reference as number) : null
  let met: boolean | null = null
  if (goal && typeof catchball === 'number' && Number.isFinite(catchball)) {
    met = goal.check(catchball, typeof reference === 'number' ? reference : null)
  }
  return {
    scenario,
    metric,
    unit,
    catchball,
    reference,
    ratio: ratio !== null && Number.isFinite(ratio) ? ratio : null,
    goal: goal?.text ?? null,
    met,
  }
}

export function formatNumber(value: number | string | null): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return 'n/a'
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  const abs = Math.abs(value)
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3)
}

export const formatRatio = (ratio: number | null) =>
  ratio === null ? '—' : `×${ratio.toFixed(ratio >= 10 ? 0 : 2)}`

export const goalMark = (r: ComparisonRow) =>
  r.goal === null ? '' : `${r.goal} ${r.met === null ? '?' : r.met ? '✓' : '✗'}`

/** The runner prints figures one per line: each row becomes one, all columns in its value. */
export function rowsAsFigures(rows: ComparisonRow[]): Figure[] {
  return rows.map((r) => ({
    label: r.metric,
    value:
      `${formatNumber(r.catchball)} ${r.unit} | ref ${formatNumber(r.reference)}` +
      ` | ${formatRatio(r.ratio)}${r.goal ? ` | goal ${goalMark(r)}` : ''}`,
    unit: '',
  }))
}

/** The side-by-side table as Markdown. */
export function comparisonTable(rows: ComparisonRow[]): string {
  const header = ['scenario', 'figure', 'Catchball', 'reference', 'ratio', 'goal']
  const cells = rows.map((r) => [
    r.scenario,
    r.unit ? `${r.metric} (${r.unit})` : r.metric,
    formatNumber(r.catchball),
    formatNumber(r.reference),
    formatRatio(r.ratio),
    goalMark(r),
  ])
  const all = [header, ...cells]
  const widths = header.map((_, col) => Math.max(...all.map((line) => [...line[col]].length)))
  const right = new Set([2, 3, 4])
  const pad = (text: string, col: number) => {
    const fill = ' '.repeat(widths[col] - [...text].length)
    return right.has(col) ? fill + text : text + fill
  }
  const line = (cols: string[]) => `| ${cols.map(pad).join(' | ')} |`
  const rule = `|${widths.map((w, col) => (right.has(col) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`
  return [line(header), rule, ...cells.map(line)].join('\n')
}
