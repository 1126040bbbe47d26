import { stringify } from 'csv-stringify/sync'
import type { Outcome } from './outcomeSchema.ts'

/**
 * CSV export: one row per key result, its objective's columns first (RFC 4180: CRLF line
 * ends, fields with quotes, commas or newlines quoted). The first thirteen columns are the
 * public contract; the rest carry what an import needs to rebuild the same OKRs.
 */
export const csvColumns = [
  'objective_id',
  'objective',
  'team',
  'objective_owner',
  'key_result_id',
  'key_result',
  'from',
  'to',
  'current',
  'unit',
  'confidence',
  'key_result_owner',
  'votes',
  'objective_parent_id',
  'objective_notes',
  'key_result_notes',
  'milestone',
  'grade',
] as const

export type CsvColumn = (typeof csvColumns)[number]

export function outcomeToCsv(outcome: Outcome): string {
  const rows: Record<CsvColumn, string | number>[] = []
  for (const objective of outcome.objectives) {
    const objectiveColumns = {
      objective_id: objective.id,
      objective: objective.title,
      team: objective.team,
      objective_owner: objective.owner,
      votes: objective.votes,
      objective_parent_id: objective.parentId ?? '',
      objective_notes: objective.notes,
    }
    const emptyKeyResult = {
      key_result_id: '',
      key_result: '',
      from: '',
      to: '',
      current: '',
      unit: '',
      confidence: '',
      key_result_owner: '',
      key_result_notes: '',
      milestone: '',
      grade: '',
    }
    if (objective.keyResults.length === 0) rows.push({ ...objectiveColumns, ...emptyKeyResult })
    for (const kr of objective.keyResults) {
      rows.push({
        ...objectiveColumns,
        key_result_id: kr.id,
        key_result: kr.title,
        from: kr.metric?.from ?? '',
        to: kr.metric?.to ?? '',
        current: kr.metric?.current ?? '',
        unit: kr.metric?.unit ?? '',
        confidence: kr.confidence,
        key_result_owner: kr.owner,
        key_result_notes: kr.notes,
        milestone: kr.milestone ? 'true' : 'false',
        grade: kr.grade ?? '',
      })
    }
  }
  return stringify(rows, { header: true, columns: [...csvColumns], record_delimiter: '\r\n' })
}
