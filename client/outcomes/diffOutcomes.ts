import type {
  Outcome,
  OutcomeKeyResult,
  OutcomeObjective,
} from '../../shared/outcomes/outcomeSchema.ts'

/**
 * What changed between two outcome versions: objectives and key results added, removed
 * and changed, matched by card id (ids survive edits, so a retitled objective is a change,
 * not a removal plus an addition). Pure: the panel renders the result.
 */
export interface FieldChange {
  field: string
  before: string
  after: string
}

export interface ObjectiveRef {
  id: string
  title: string
}

export interface KeyResultRef extends ObjectiveRef {
  /** The objective the key result sits under (in the newer version when it exists there). */
  objectiveTitle: string
}

export interface Changed<Ref> {
  item: Ref
  changes: FieldChange[]
}

export interface OutcomeDiff {
  objectives: {
    added: ObjectiveRef[]
    removed: ObjectiveRef[]
    changed: Changed<ObjectiveRef>[]
  }
  keyResults: {
    added: KeyResultRef[]
    removed: KeyResultRef[]
    changed: Changed<KeyResultRef>[]
  }
}

interface FieldReader<T> {
  label: string
  read: (value: T) => string
}

const formatNumber = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)))

const orNone = (text: string) => (text.trim() === '' ? '—' : text)

function measure(kr: OutcomeKeyResult): string {
  if (kr.milestone) return 'milestone'
  if (!kr.metric) return 'no metric'
  const { from, to, unit } = kr.metric
  return `${formatNumber(from)} → ${formatNumber(to)}${unit ? ` ${unit}` : ''}`
}

function consensusText(objective: OutcomeObjective): string {
  const consensus = objective.consensus
  return consensus ? `${consensus.verdict} (${consensus.distribution.join('/')})` : '—'
}

/** Fields compared per objective, with how each reads in the diff (alignment: below). */
const objectiveFields: FieldReader<OutcomeObjective>[] = [
  { label: 'title', read: (o) => orNone(o.title) },
  { label: 'why', read: (o) => orNone(o.notes) },
  { label: 'team', read: (o) => orNone(o.team) },
  { label: 'owner', read: (o) => orNone(o.owner) },
  { label: 'votes', read: (o) => String(o.votes) },
  { label: 'consensus', read: consensusText },
]

const keyResultFields: FieldReader<OutcomeKeyResult>[] = [
  { label: 'title', read: (kr) => orNone(kr.title) },
  { label: 'notes', read: (kr) => orNone(kr.notes) },
  { label: 'owner', read: (kr) => orNone(kr.owner) },
  { label: 'measure', read: measure },
  {
    label: 'current',
    read: (kr) => (kr.metric && !kr.milestone ? formatNumber(kr.metric.current) : '—'),
  },
  { label: 'confidence', read: (kr) => `${kr.confidence}/10` },
  { label: 'grade', read: (kr) => (kr.grade === null ? '—' : kr.grade.toFixed(1)) },
  {
    label: 'initiatives',
    read: (kr) => kr.initiatives.map((i) => i.title).join(', ') || '—',
  },
]

function compare<T>(before: T, after: T, fields: FieldReader<T>[]): FieldChange[] {
  const changes: FieldChange[] = []
  for (const { label, read } of fields) {
    const a = read(before)
    const b = read(after)
    if (a !== b) changes.push({ field: label, before: a, after: b })
  }
  return changes
}

interface IndexedKeyResult {
  kr: OutcomeKeyResult
  objectiveId: string
  objectiveTitle: string
}

function indexKeyResults(outcome: Outcome): Map<string, IndexedKeyResult> {
  const index = new Map<string, IndexedKeyResult>()
  for (const objective of outcome.objectives) {
    for (const kr of objective.keyResults)
      index.set(kr.id, { kr, objectiveId: objective.id, objectiveTitle: objective.title })
  }
  return index
}

const ref = (o: OutcomeObjective): ObjectiveRef => ({ id: o.id, title: o.title })

const krRef = ({ kr, objectiveTitle }: IndexedKeyResult): KeyResultRef => ({
  id: kr.id,
  title: kr.title,
  objectiveTitle,
})

const titleOrId = (id: string | null, titles: Map<string, string>) =>
  id ? (titles.get(id) ?? id) : '—'

/** Differences from `older` to `newer`, in the newer version's order (removals: older's). */
export function diffOutcomes(older: Outcome, newer: Outcome): OutcomeDiff {
  const olderObjectives = new Map(older.objectives.map((o) => [o.id, o]))
  const newerObjectives = new Map(newer.objectives.map((o) => [o.id, o]))
  const olderTitles = new Map(older.objectives.map((o) => [o.id, o.title]))
  const newerTitles = new Map(newer.objectives.map((o) => [o.id, o.title]))

  const objectives: OutcomeDiff['objectives'] = { added: [], removed: [], changed: [] }
  for (const objective of newer.objectives) {
    const previous = olderObjectives.get(objective.id)
    if (!previous) {
      objectives.added.push(ref(objective))
      continue
    }
    // Alignment is compared by the parent's id, so renaming a parent shows once (on the
    // parent) and only a real re-alignment shows on the child.
    const changes = [
      ...compare(previous, objective, objectiveFields),
      ...alignmentChange(previous, objective, olderTitles, newerTitles),
    ]
    if (changes.length > 0) objectives.changed.push({ item: ref(objective), changes })
  }
  for (const objective of older.objectives) {
    if (!newerObjectives.has(objective.id)) objectives.removed.push(ref(objective))
  }

  const olderKeyResults = indexKeyResults(older)
  const newerKeyResults = indexKeyResults(newer)
  const keyResults: OutcomeDiff['keyResults'] = { added: [], removed: [], changed: [] }
  for (const entry of newerKeyResults.values()) {
    const previous = olderKeyResults.get(entry.kr.id)
    if (!previous) {
      keyResults.added.push(krRef(entry))
      continue
    }
    const changes = compare(previous.kr, entry.kr, keyResultFields)
    // Moving a key result to another objective is a change of the key result.
    if (previous.objectiveId !== entry.objectiveId) {
      changes.splice(1, 0, {
        field: 'objective',
        before: previous.objectiveTitle,
        after: entry.objectiveTitle,
      })
    }
    if (changes.length > 0) keyResults.changed.push({ item: krRef(entry), changes })
  }
  for (const entry of olderKeyResults.values()) {
    if (!newerKeyResults.has(entry.kr.id)) keyResults.removed.push(krRef(entry))
  }
  return { objectives, keyResults }
}

function alignmentChange(
  before: OutcomeObjective,
  after: OutcomeObjective,
  olderTitles: Map<string, string>,
  newerTitles: Map<string, string>,
): FieldChange[] {
  if (before.parentId === after.parentId) return []
  return [
    {
      field: 'aligns to',
      before: titleOrId(before.parentId, olderTitles),
      after: titleOrId(after.parentId, newerTitles),
    },
  ]
}

/** Whether the two versions hold the same OKRs (nothing to show in the diff). */
export function isEmptyDiff(diff: OutcomeDiff): boolean {
  return [diff.objectives, diff.keyResults].every(
    (part) => part.added.length + part.removed.length + part.changed.length === 0,
  )
}
