import type { Outcome, OutcomeKeyResult } from '../../shared/outcomes/outcomeSchema.ts'
import { formatGrade, gradeBand } from './grade.ts'

/**
 * One outcome version, read-only: objectives with team, owner, votes and consensus, and
 * their key results with from → to, owner and grade.
 */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  const titles = new Map(outcome.objectives.map((o) => [o.id, o.title]))
  if (outcome.objectives.length === 0) {
    return <p className="cb-outcomes__text">No objective was agreed in this version.</p>
  }
  return (
    <ol className="cb-outcome" data-testid={`outcome-view-${outcome.version}`}>
      {outcome.objectives.map((objective) => (
        <li key={objective.id} className="cb-outcome__objective">
          <p className="cb-outcome__title">{objective.title || 'Untitled objective'}</p>
          <p className="cb-outcome__facts">
            {[
              objective.team && `Team: ${objective.team}`,
              objective.owner && `Owner: ${objective.owner}`,
              objective.parentId &&
                `Aligns to: ${titles.get(objective.parentId) ?? objective.parentId}`,
              `${objective.votes} vote${objective.votes === 1 ? '' : 's'}`,
              objective.consensus &&
                `${objective.consensus.verdict} (${objective.consensus.distribution.join('/')})`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {objective.keyResults.length > 0 ? (
            <ul className="cb-outcome__krs">
              {objective.keyResults.map((kr) => (
                <KeyResultLine key={kr.id} kr={kr} />
              ))}
            </ul>
          ) : (
            <p className="cb-outcome__facts">No key results.</p>
          )}
        </li>
      ))}
      {outcome.actions.length > 0 && (
        <li className="cb-outcome__objective">
          <p className="cb-outcome__title">Open actions</p>
          <ul className="cb-outcome__krs">
            {outcome.actions.map((action) => (
              <li key={action.id}>
                {action.title || 'Untitled action'}
                <span className="cb-outcome__facts">
                  {[action.owner, action.dueDate && `due ${action.dueDate}`]
                    .filter(Boolean)
                    .map((fact) => ` · ${fact}`)
                    .join('')}
                </span>
              </li>
            ))}
          </ul>
        </li>
      )}
    </ol>
  )
}

function measureOf(kr: OutcomeKeyResult): string {
  if (kr.milestone) return 'milestone'
  if (!kr.metric) return 'no metric'
  const { from, to, unit } = kr.metric
  return `${from} → ${to}${unit ? ` ${unit}` : ''}`
}

function KeyResultLine({ kr }: { kr: OutcomeKeyResult }) {
  return (
    <li className="cb-outcome__kr">
      <span>{kr.title || 'Untitled key result'}</span>
      <span className="cb-outcome__facts">
        {' '}
        · {measureOf(kr)}
        {kr.owner ? ` · ${kr.owner}` : ''}
      </span>
      {kr.grade !== null && (
        <span className={`cb-grade__chip cb-grade__chip--${gradeBand(kr.grade)}`}>
          {formatGrade(kr.grade)}
        </span>
      )}
    </li>
  )
}
