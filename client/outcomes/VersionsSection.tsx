import { useBoard } from '../board/BoardContext.tsx'
import { DownloadButtons } from './DownloadButtons.tsx'
import { NextCycleButton } from './NextCycleButton.tsx'
import type { OutcomeVersionSummary } from './outcomesApi.ts'
import { OutcomeView } from './OutcomeView.tsx'
import { useOutcome } from './useOutcome.ts'
import { VersionDiff } from './VersionDiff.tsx'

/**
 * The board's versions, newest first; the selected one is shown read-only with its
 * downloads, the next-cycle button (facilitator) and a diff against another version.
 */
export function VersionsSection(props: {
  versions: OutcomeVersionSummary[]
  loading: boolean
  error: string | null
  selected: number | null
  onSelect: (version: number) => void
}) {
  const { versions, loading, error, selected, onSelect } = props
  const { session } = useBoard()
  const current = versions.find((v) => v.version === selected) ?? null

  return (
    <section className="cb-outcomes__section" aria-labelledby="cb-versions-heading">
      <h3 className="cb-outcomes__heading" id="cb-versions-heading">
        Versions
      </h3>
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
      {!error && versions.length === 0 && (
        <p className="cb-outcomes__text">
          {loading
            ? 'Loading…'
            : 'Nothing finalized yet. The facilitator finalizes the agreed OKRs.'}
        </p>
      )}
      {versions.length > 0 && (
        <ul className="cb-versions" aria-label="Outcome versions">
          {versions.toReversed().map((summary) => (
            <li key={summary.version}>
              <button
                type="button"
                className={`cb-versions__item${summary.version === selected ? ' cb-versions__item--selected' : ''}`}
                data-testid={`outcome-version-${summary.version}`}
                aria-pressed={summary.version === selected}
                onClick={() => onSelect(summary.version)}
              >
                <span className="cb-versions__number">v{summary.version}</span>
                <span className="cb-versions__meta">
                  {formatTime(summary.createdAt)}
                  {summary.note ? ` · ${summary.note}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <SelectedVersion
          summary={current}
          versions={versions}
          isFacilitator={session.role === 'facilitator'}
        />
      )}
    </section>
  )
}

function SelectedVersion(props: {
  summary: OutcomeVersionSummary
  versions: OutcomeVersionSummary[]
  isFacilitator: boolean
}) {
  const { summary, versions, isFacilitator } = props
  const { session } = useBoard()
  const { outcome, error } = useOutcome(session.boardId, session.token, summary.version)

  return (
    <div className="cb-outcomes__selected" data-testid="outcome-selected">
      <p className="cb-outcomes__subheading">
        Version {summary.version}{' '}
        <span className="cb-outcomes__hash" title={summary.hash}>
          {summary.hash.slice(0, 19)}…
        </span>
      </p>
      <DownloadButtons version={summary.version} />
      {isFacilitator && <NextCycleButton version={summary.version} />}
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
      {!outcome && !error && <p className="cb-outcomes__text">Loading version…</p>}
      {outcome && <OutcomeView outcome={outcome} />}
      {versions.length > 1 && <VersionDiff version={summary.version} versions={versions} />}
    </div>
  )
}

function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
