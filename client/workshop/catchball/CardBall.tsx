import { useState } from 'react'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { useCard } from '../../cards/useCard.ts'
import { stopCanvasEvents } from '../../shapes/stopCanvasEvents.ts'
import { useShapeBoard } from '../../shapes/useShapeBoard.ts'
import {
  currentRound,
  holderOf,
  openFeedbackCount,
  throwableKinds,
  whyCardCannotBeThrown,
} from '../../../shared/catchball.ts'
import { HistoryDialog } from './HistoryDialog.tsx'
import { BallIcon, CommentIcon } from './icons.tsx'
import { ThrowDialog } from './ThrowDialog.tsx'
import { useCatchballLog, useComments } from './useCatchballData.ts'
// Catchball's styles travel with its components; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './catchball.css'

type OpenDialog = 'throw' | 'history' | null

/**
 * The catchball strip on an OKR card: who holds the ball and the round (once thrown), how
 * much feedback is still open, and buttons to throw the card and to read its history.
 * Only objectives and key results take part.
 */
export function CardBall({ cardId }: { cardId: string }) {
  const board = useShapeBoard()
  return board ? <CardBallStrip board={board} cardId={cardId} /> : null
}

function CardBallStrip({ board, cardId }: { board: BoardContextValue; cardId: string }) {
  const { doc, readOnly } = board
  const card = useCard(doc, cardId)
  const log = useCatchballLog(doc)
  const comments = useComments(doc)
  const [dialog, setDialog] = useState<OpenDialog>(null)
  if (!card || !throwableKinds.includes(card.kind)) return null

  const round = currentRound(log, cardId)
  const holder = holderOf(card)
  const openFeedback = openFeedbackCount(comments, cardId)
  const cannotThrow = whyCardCannotBeThrown(card)
  const close = () => setDialog(null)

  return (
    <div className="cb-ball" {...stopCanvasEvents}>
      {round > 0 && (
        <span
          className="cb-ball__badge"
          data-testid={`card-ball-${cardId}`}
          title={`${holder} holds the ball (round ${round})`}
        >
          <BallIcon /> {holder} · round {round}
        </span>
      )}
      {openFeedback > 0 && (
        <span
          className="cb-ball__feedback"
          data-testid={`card-feedback-${cardId}`}
          title={`${openFeedback} open comment${openFeedback === 1 ? '' : 's'}`}
        >
          <CommentIcon /> {openFeedback}
        </span>
      )}
      <span className="cb-ball__spacer" />
      {!readOnly && (
        <button
          type="button"
          className={`cb-ball__button${cannotThrow ? ' cb-ball__button--muted' : ''}`}
          data-testid={`card-throw-${cardId}`}
          title={cannotThrow ?? 'Throw this card to another team or level'}
          onClick={() => setDialog('throw')}
        >
          Throw
        </button>
      )}
      <button
        type="button"
        className="cb-ball__button"
        data-testid={`card-history-${cardId}`}
        title="Rounds, changes and feedback"
        onClick={() => setDialog('history')}
      >
        History
      </button>
      {dialog === 'throw' && <ThrowDialog board={board} cardId={cardId} onClose={close} />}
      {dialog === 'history' && (
        <HistoryDialog
          board={board}
          cardId={cardId}
          onClose={close}
          onThrow={() => setDialog('throw')}
        />
      )}
    </div>
  )
}
