import { useState } from 'react'
import type { PublishedRound } from '../../../shared/votingSchemas.ts'
import { useBoard } from '../../board/BoardContext.tsx'
import { BallotList } from './BallotList.tsx'
import { RoundDeadline } from './RoundDeadline.tsx'
import { RoundResults } from './RoundResults.tsx'
import { closeRound, revealRound } from './roundsApi.ts'
import { useBallot } from './useBallot.ts'
import type { CardLabels } from './useCardLabels.ts'

const statusLabel: Record<PublishedRound['status'], string> = {
  open: 'Open',
  closed: 'Closed',
  revealed: 'Revealed',
}

/**
 * One voting round in the Vote panel: what it is, how many have voted, my ballot while it
 * is open, the results when they may be seen, and (facilitator) close and reveal.
 */
export function RoundCard(props: {
  round: PublishedRound
  labels: CardLabels
  onJump: (cardId: string) => void
}) {
  const { round, labels, onJump } = props
  const board = useBoard()
  const isFacilitator = board.session.role === 'facilitator'
  const { ballot, canVote, change } = useBallot(board, round)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const act = async (action: typeof closeRound) => {
    setBusy(true)
    setError(null)
    try {
      await action(board.session.token, board.session.boardId, round.id)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The server refused.')
    } finally {
      setBusy(false)
    }
  }

  const details = [
    round.kind === 'dots' ? `${round.votesPerPerson} dots each` : 'answers 0–5',
    round.sealed ? 'sealed' : 'live tally',
    round.anonymous ? 'anonymous' : 'named',
  ]
  const showResults = round.tally !== null || round.status !== 'open' || round.sealed

  return (
    <article
      className="cb-round"
      data-testid={`round-${round.id}`}
      data-status={round.status}
      aria-label={round.title}
    >
      <header className="cb-round__header">
        <h3 className="cb-round__title">{round.title}</h3>
        <span
          className={`cb-round__status cb-round__status--${round.status}`}
          data-testid="round-status"
        >
          {statusLabel[round.status]}
        </span>
      </header>
      <p className="cb-round__meta">
        {details.join(' · ')}
        {round.status === 'open' && round.endsAt && <RoundDeadline endsAt={round.endsAt} />}
      </p>
      <p className="cb-round__voters" data-testid="round-voters">
        {round.voters === 1 ? '1 person has voted' : `${round.voters} people have voted`}
      </p>
      {isFacilitator && round.status !== 'revealed' && (
        <div className="cb-workshop-row">
          {round.status === 'open' && (
            <button
              type="button"
              className="cb-button cb-button--small"
              data-testid="round-close"
              disabled={busy}
              onClick={() => void act(closeRound)}
            >
              Close voting
            </button>
          )}
          <button
            type="button"
            className="cb-button cb-button--small cb-button--primary"
            data-testid="round-reveal"
            disabled={busy}
            title="Close (if open) and show every result to everyone"
            onClick={() => void act(revealRound)}
          >
            Reveal
          </button>
        </div>
      )}
      {error && (
        <p className="cb-workshop-error" role="alert">
          {error}
        </p>
      )}
      {round.status === 'open' && board.session.role !== 'viewer' && (
        <BallotList
          round={round}
          ballot={ballot}
          labels={labels}
          onChange={(values, cardId) => (canVote ? change(values, cardId) : undefined)}
          onJump={onJump}
        />
      )}
      {showResults && <RoundResults round={round} labels={labels} onJump={onJump} />}
    </article>
  )
}
