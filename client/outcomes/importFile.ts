/**
 * Reading an import file before it goes to the server: which format it is, and how each
 * problem the server reports reads in the list shown to people.
 */
export type ImportFormat = 'json' | 'csv'

export interface ImportProblem {
  row?: number
  path?: string
  message: string
}

/** By extension first; a file without a telling one is JSON if it starts like JSON. */
export function importFormatOf(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.csv')) return 'csv'
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv'
}

/** The `details` of a 400 from the import route, kept only where they have the known shape. */
export function importProblemsOf(details: unknown): ImportProblem[] {
  if (!Array.isArray(details)) return []
  const problems: ImportProblem[] = []
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue
    const { row, path, message } = item as Record<string, unknown>
    if (typeof message !== 'string') continue
    problems.push({
      message,
      ...(typeof row === 'number' ? { row } : {}),
      ...(typeof path === 'string' ? { path } : {}),
    })
  }
  return problems
}

/** Where a problem is, as people read it: "Row 3", "objectives.0.title", or "File". */
export function problemLocation(problem: ImportProblem): string {
  if (problem.row !== undefined) return `Row ${problem.row}`
  if (problem.path) return problem.path
  return 'File'
}
