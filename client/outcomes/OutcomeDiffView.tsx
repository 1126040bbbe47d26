import type { Changed, FieldChange, OutcomeDiff } from './diffOutcomes.ts'
import { isEmptyDiff } from './diffOutcomes.ts'

/** The diff between two versions: added, removed and changed objectives and key results. */
export function OutcomeDiffView(props: { diff: OutcomeDiff; older: number; newer: number }) {
  const { diff, older, newer } = props
  if (isEmptyDiff(diff)) {
    return (
      <p className="cb-outcomes__text" data-testid="outcome-diff">
        Versions {older} and {newer} hold the same OKRs.
      </p>
    )
  }
  return (
    <div className="cb-diff" data-testid="outcome-diff">
      <DiffPart
        heading="Objectives"
        added={diff.objectives.added.map((o) => ({ id: o.id, label: o.title }))}
        removed={diff.objectives.removed.map((o) => ({ id: o.id, label: o.title }))}
        changed={diff.objectives.changed.map((c) => ({ ...c, label: c.item.title }))}
      />
      <DiffPart
        heading="Key results"
        added={diff.keyResults.added.map((kr) => ({ id: kr.id, label: krLabel(kr) }))}
        removed={diff.keyResults.removed.map((kr) => ({ id: kr.id, label: krLabel(kr) }))}
        changed={diff.keyResults.changed.map((c) => ({ ...c, label: krLabel(c.item) }))}
      />
    </div>
  )
}

const krLabel = (kr: { title: string; objectiveTitle: string }) =>
  `${kr.title || 'Untitled'} (${kr.objectiveTitle || 'untitled objective'})`

interface Labelled {
  id: string
  label: string
}

function DiffPart(props: {
  heading: string
  added: Labelled[]
  removed: Labelled[]
  changed: (Changed<{ id: string }> & { label: string })[]
}) {
  const { heading, added, removed, changed } = props
  if (added.length + removed.length + changed.length === 0) return null
  return (
    <div className="cb-diff__part">
      <p className="cb-diff__heading">{heading}</p>
      <ul className="cb-diff__list">
        {added.map((item) => (
          <li key={`+${item.id}`} className="cb-diff__added">
            <span className="cb-diff__sign">+</span> {item.label || 'Untitled'}
          </li>
        ))}
        {removed.map((item) => (
          <li key={`-${item.id}`} className="cb-diff__removed">
            <span className="cb-diff__sign">−</span> {item.label || 'Untitled'}
          </li>
        ))}
        {changed.map((item) => (
          <li key={`~${item.item.id}`} className="cb-diff__changed">
            <span className="cb-diff__sign">~</span> {item.label || 'Untitled'}
            <ul className="cb-diff__fields">
              {item.changes.map((change) => (
                <FieldChangeLine key={change.field} change={change} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  )
}

function FieldChangeLine({ change }: { change: FieldChange }) {
  return (
    <li>
      {change.field}: <del>{change.before}</del> → <ins>{change.after}</ins>
    </li>
  )
}
