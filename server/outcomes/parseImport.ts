import { parse } from 'csv-parse/sync'
import type { z } from 'zod'
import { ID_PATTERN } from '../../shared/ids.ts'
import type { NewCard } from '../../shared/boardDoc.ts'
import { outcomeSchema, type Outcome } from '../../shared/outcomes/outcomeSchema.ts'
import { csvColumns } from '../../shared/outcomes/toCsv.ts'

/** One problem in an import file, located by CSV row (1 = header) or JSON path. */
export interface ImportProblem {
  row?: number
  path?: string
  message: string
}

export type ImportResult = { ok: true; cards: NewCard[] } | { ok: false; problems: ImportProblem[] }

const REQUIRED_CSV_COLUMNS = csvColumns.slice(0, 13)

/** Cards (with parent links) that rebuild an outcome set's OKRs and open actions. */
export function cardsFromOutcome(
  outcome: Outcome,
  objectiveStatus: NewCard['status'] = 'agreed',
): NewCard[] {
  const cards: NewCard[] = []
  outcome.objectives.forEach((objective, objectiveIndex) => {
    cards.push({
      id: objective.id,
      kind: 'objective',
      title: objective.title,
      notes: objective.notes,
      team: objective.team,
      owner: objective.owner,
      parentId: objective.parentId,
      status: objectiveStatus,
      order: objectiveIndex,
    })
    objective.keyResults.forEach((kr, krIndex) => {
      cards.push({
        id: kr.id,
        kind: 'keyResult',
        title: kr.title,
        notes: kr.notes,
        owner: kr.owner,
        parentId: objective.id,
        metric: kr.metric,
        milestone: kr.milestone,
        confidence: kr.confidence,
        grade: kr.grade,
        status: objectiveStatus,
        order: krIndex,
      })
      kr.initiatives.forEach((initiative, i) => {
        cards.push({
          id: initiative.id,
          kind: 'initiative',
          title: initiative.title,
          notes: initiative.notes,
          owner: initiative.owner,
          parentId: kr.id,
          status: initiative.status,
          order: i,
        })
      })
    })
  })
  for (const action of outcome.actions) {
    cards.push({
      id: action.id,
      kind: 'action',
      title: action.title,
      notes: action.notes,
      owner: action.owner,
      dueDate: action.dueDate,
      parentId: action.keyResultId,
      status: action.status,
    })
  }
  return cards
}

export function parseJsonImport(value: unknown): ImportResult {
  const parsed = outcomeSchema.safeParse(value)
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) }
  return { ok: true, cards: cardsFromOutcome(parsed.data) }
}

function zodProblems(error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }))
}

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text))

/** Parse the CSV export's columns back into cards; every bad row is reported, none imported. */
export function parseCsvImport(text: string): ImportResult {
  let records: Record<string, string>[]
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: false,
    })
  } catch (err) {
    const row = (err as { lines?: number }).lines
    return { ok: false, problems: [{ row, message: `not valid CSV: ${(err as Error).message}` }] }
  }
  const header = records.length > 0 ? Object.keys(records[0]) : []
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !header.includes(column))
  if (records.length === 0)
    return { ok: false, problems: [{ row: 1, message: 'no rows to import' }] }
  if (missing.length > 0)
    return { ok: false, problems: [{ row: 1, message: `missing columns: ${missing.join(', ')}` }] }

  const problems: ImportProblem[] = []
  const cards: NewCard[] = []
  const objectives = new Map<string, NewCard>()
  const keyResultCount = new Map<string, number>()
  records.forEach((record, index) => {
    const row = index + 2 // header is row 1
    const problem = (message: string) => problems.push({ row, message })
    if (!ID_PATTERN.test(record.objective_id))
      return problem('objective_id must match ^[A-Za-z0-9_-]{1,64}$')
    if (!objectives.has(record.objective_id)) {
      const parentId = record.objective_parent_id?.trim() || null
      if (parentId && !ID_PATTERN.test(parentId)) problem('objective_parent_id is not a valid id')
      const objective = {
        id: record.objective_id,
        kind: 'objective' as const,
        title: record.objective,
        notes: record.objective_notes ?? '',
        team: record.team,
        owner: record.objective_owner,
        parentId,
        status: 'agreed' as const,
        order: objectives.size,
      }
      objectives.set(record.objective_id, objective)
      cards.push(objective)
    }
    if (record.key_result_id.trim() === '') return
    if (!ID_PATTERN.test(record.key_result_id))
      return problem('key_result_id must match ^[A-Za-z0-9_-]{1,64}$')
    const [from, to, current] = [
      numberOrNull(record.from),
      numberOrNull(record.to),
      numberOrNull(record.current),
    ]
    const confidence = Number(record.confidence)
    if ([from, to, current].some((n) => n !== null && !Number.isFinite(n)))
      problem('from, to and current must be numbers')
    if (!Number.isFinite(confidence) || confidence < 0 || confidence > 10)
      problem('confidence must be a number from 0 to 10')
    const grade = numberOrNull(record.grade ?? '')
    if (grade !== null && (!Number.isFinite(grade) || grade < 0 || grade > 1))
      problem('grade must be from 0 to 1')
    const hasMetric = from !== null && to !== null
    const order = keyResultCount.get(record.objective_id) ?? 0
    keyResultCount.set(record.objective_id, order + 1)
    cards.push({
      id: record.key_result_id,
      kind: 'keyResult',
      title: record.key_result,
      notes: record.key_result_notes ?? '',
      owner: record.key_result_owner,
      parentId: record.objective_id,
      metric: hasMetric ? { from, to, current: current ?? from, unit: record.unit } : null,
      milestone: record.milestone === 'true',
      confidence,
      grade,
      status: 'agreed',
      order,
    })
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cards }
}
