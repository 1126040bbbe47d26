import { useMemo, useState } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import { diffOutcomes } from './diffOutcomes.ts'
import type { OutcomeVersionSummary } from './outcomesApi.ts'
import { OutcomeDiffView } from './OutcomeDiffView.tsx'
import { useOutcome } from './useOutcome.ts'

/**
 * Compare the selected version with another one (by default the one before it, or the
 * next one for version 1). The older of the two is always the "before" side.
 */
export function VersionDiff(props: { version: number; versions: OutcomeVersionSummary[] }) {
  const { version, versions } = props
  const { session } = useBoard()
  const others = versions.filter((v) => v.version !== version).map((v) => v.version)
  const fallback = others.filter((v) => v < version).at(-1) ?? others[0] ?? null
  const [chosen, setChosen] = useState<number | null>(null)
  const other = chosen !== null && others.includes(chosen) ? chosen : fallback

  const older = other === null ? null : Math.min(version, other)
  const newer = other === null ? null : Math.max(version, other)
  const before = useOutcome(session.boardId, session.token, older)
  const after = useOutcome(session.boardId, session.token, newer)
  const diff = useMemo(
    () => (before.outcome && after.outcome ? diffOutcomes(before.outcome, after.outcome) : null),
    [before.outcome, after.outcome],
  )
  if (other === null || older === null || newer === null) return null

  return (
    <div className="cb-outcomes__diff">
      <label className="cb-outcomes__field cb-outcomes__field--inline">
        <span className="cb-outcomes__label">Compare with</span>
        <select
          className="cb-input cb-outcomes__select"
          data-testid="diff-with"
          value={other}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {others.map((v) => (
            <option key={v} value={v}>
              version {v}
            </option>
          ))}
        </select>
      </label>
      <p className="cb-outcomes__text">
        Changes from version {older} to version {newer}:
      </p>
      {(before.error || after.error) && (
        <p className="cb-outcomes__error" role="alert">
          {before.error ?? after.error}
        </p>
      )}
      {diff ? (
        <OutcomeDiffView diff={diff} older={older} newer={newer} />
      ) : (
        !before.error && !after.error && <p className="cb-outcomes__text">Loading…</p>
      )}
    </div>
  )
}
