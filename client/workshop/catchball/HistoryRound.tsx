import type { ReactNode } from 'react'
import type * as Y from 'yjs'
import type { HistoryRound } from '../../../shared/catchball.ts'
import { FeedbackList } from './FeedbackThread.tsx'
import { formatWhen } from './formatWhen.ts'
import { TextChangesView } from './WordDiff.tsx'

/**
 * One round of a card's history: who threw to whom and when, the message, the title and
 * notes as thrown (the first round) or what changed since the previous round, and the
 * feedback written while the ball was out. `children` is where the current round's
 * comment form goes.
 */
export function HistoryRoundView(props: {
  doc: Y.Doc
  round: HistoryRound
  readOnly: boolean
  isCurrent: boolean
  children?: ReactNode
}) {
  const { round, isCurrent } = props
  return (
    <section
      className={`cb-ball-round${isCurrent ? ' cb-ball-round--current' : ''}`}
      data-testid={`history-round-${round.round}`}
      aria-label={`Round ${round.round}`}
    >
      <header className="cb-ball-round__header">
        <span className="cb-ball-round__number">Round {round.round}</span>
        <span className="cb-ball-round__teams" data-testid={`history-round-${round.round}-teams`}>
          {round.from} → {round.to}
        </span>
        <span className="cb-ball-muted">
          {formatWhen(round.at)}
          {round.by ? ` · by ${round.by}` : ''}
        </span>
      </header>
      <blockquote
        className="cb-ball-round__message"
        data-testid={`history-round-${round.round}-message`}
      >
        {round.message}
      </blockquote>
      {round.changesSincePrevious ? (
        <>
          <h4 className="cb-ball-round__subheading">Changed since round {round.round - 1}</h4>
          <TextChangesView
            changes={round.changesSincePrevious}
            testId={`history-diff-${round.round}`}
          />
        </>
      ) : (
        <>
          <h4 className="cb-ball-round__subheading">As thrown</h4>
          <dl className="cb-ball-texts" data-testid={`history-text-${round.round}`}>
            <dt>Title</dt>
            <dd>{round.titleAtThrow || <span className="cb-ball-muted">(no title)</span>}</dd>
            {round.notesAtThrow !== undefined && (
              <>
                <dt>Notes</dt>
                <dd>{round.notesAtThrow || <span className="cb-ball-muted">(no notes)</span>}</dd>
              </>
            )}
          </dl>
        </>
      )}
      <h4 className="cb-ball-round__subheading">
        Feedback in round {round.round}
        {round.comments.length === 0 && (
          <span className="cb-ball-muted">{isCurrent ? ' — none yet' : ' — none'}</span>
        )}
      </h4>
      <FeedbackList doc={props.doc} comments={round.comments} readOnly={props.readOnly} />
      {props.children}
    </section>
  )
}
