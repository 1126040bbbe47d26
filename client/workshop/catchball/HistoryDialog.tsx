import { useMemo } from 'react'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { useCard } from '../../cards/useCard.ts'
import { buildCardHistory, holderOf, whyCardCannotBeThrown } from '../../../shared/catchball.ts'
import { CatchballDialog } from './CatchballDialog.tsx'
import { CommentForm, FeedbackList } from './FeedbackThread.tsx'
import { HistoryRoundView } from './HistoryRound.tsx'
import { BallIcon } from './icons.tsx'
import { useCatchballLog, useComments } from './useCatchballData.ts'
import { TextChangesView } from './WordDiff.tsx'

/**
 * A card's catchball history and feedback: every round (throw, message, diff, comments),
 * the edits made since the last throw, and a form to comment on the current round. Live:
 * throws, edits and comments by others show as they happen. Viewers read only.
 */
export function HistoryDialog(props: {
  board: BoardContextValue
  cardId: string
  onClose: () => void
  onThrow?: () => void
}) {
  const { board, cardId, onClose, onThrow } = props
  const { doc, session, readOnly } = board
  const card = useCard(doc, cardId)
  const log = useCatchballLog(doc)
  const comments = useComments(doc)
  const history = useMemo(
    () => (card ? buildCardHistory(card, log, comments) : null),
    [card, log, comments],
  )

  if (!card || !history) {
    return (
      <CatchballDialog title="Catchball history" onClose={onClose} testId="history-dialog">
        <p className="cb-ball-notice">This card has been removed.</p>
      </CatchballDialog>
    )
  }

  const form = readOnly ? null : (
    <CommentForm doc={doc} cardId={cardId} author={session.name} round={history.currentRound} />
  )
  const holder = holderOf(card)
  const canThrow = !readOnly && !whyCardCannotBeThrown(card)

  return (
    <CatchballDialog title="Catchball history" onClose={onClose} testId="history-dialog" wide>
      <div className="cb-ball-history__summary">
        <p className="cb-ball-history__title">{card.title.trim() || 'Untitled card'}</p>
        <p className="cb-ball-muted" data-testid="history-summary">
          {history.currentRound === 0 ? (
            `Not thrown yet${holder ? ` · with ${holder}` : ''}`
          ) : (
            <>
              <BallIcon /> {holder} holds the ball · round {history.currentRound} · {card.status}
            </>
          )}
        </p>
        {canThrow && onThrow && (
          <button type="button" className="cb-button cb-button--small" onClick={onThrow}>
            Throw…
          </button>
        )}
      </div>

      {(history.currentRound === 0 || history.draftComments.length > 0) && (
        <section
          className="cb-ball-round"
          data-testid="history-round-0"
          aria-label="Before the first throw"
        >
          <header className="cb-ball-round__header">
            <span className="cb-ball-round__number">Before the first throw</span>
          </header>
          <FeedbackList doc={doc} comments={history.draftComments} readOnly={readOnly} />
          {history.currentRound === 0 && form}
        </section>
      )}

      {history.rounds.map((round, index) => (
        <HistoryRoundView
          key={`${round.round}-${index}`}
          doc={doc}
          round={round}
          readOnly={readOnly}
          isCurrent={index === history.rounds.length - 1}
        >
          {index === history.rounds.length - 1 && form}
        </HistoryRoundView>
      ))}

      {history.changesSinceLastThrow?.changed && (
        <section className="cb-ball-round cb-ball-round--pending" data-testid="history-pending">
          <h4 className="cb-ball-round__subheading">
            Edited since round {history.currentRound} (not thrown yet)
          </h4>
          <TextChangesView changes={history.changesSinceLastThrow} testId="history-diff-pending" />
        </section>
      )}
    </CatchballDialog>
  )
}
