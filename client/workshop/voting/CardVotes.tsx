import type { DotsTally, FistTally, PublishedRound } from '../../../shared/votingSchemas.ts'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { useBoardAnywhere } from '../facilitation/useBoardAnywhere.ts'
import { DotButtons } from './DotButtons.tsx'
import { FistDistribution } from './FistDistribution.tsx'
import { FistPicker } from './FistPicker.tsx'
import { useBallot } from './useBallot.ts'
import { latestRoundFor, useRounds } from './useRounds.ts'

/**
 * Voting on an OKR card: my dots (− n +) or my fist of five while a round that names this
 * card is open, and the dots or the distribution once everyone may see them (live rounds
 * as they change, sealed rounds after reveal). Viewers see results and no buttons.
 */
export function CardVotes(props: { cardId: string }) {
  const board = useBoardAnywhere()
  if (!board) return null
  return <CardVotesOnBoard board={board} cardId={props.cardId} />
}

function CardVotesOnBoard({ board, cardId }: { board: BoardContextValue; cardId: string }) {
  const rounds = useRounds(board.controlDoc)
  const dotsRound = latestRoundFor(rounds, 'dots', cardId)
  const fistRound = latestRoundFor(rounds, 'fist', cardId)
  if (!dotsRound && !fistRound) return null
  return (
    <div className="cb-card-votes" data-testid={`card-votes-${cardId}`}>
      {dotsRound && <CardDots board={board} round={dotsRound} cardId={cardId} />}
      {fistRound && <CardFist board={board} round={fistRound} cardId={cardId} />}
    </div>
  )
}

function CardDots(props: { board: BoardContextValue; round: PublishedRound; cardId: string }) {
  const { board, round, cardId } = props
  const { ballot, canVote, change } = useBallot(board, round)
  const total = round.tally ? ((round.tally as DotsTally)[cardId] ?? 0) : null
  if (!canVote && total === null) return null
  return (
    <span className="cb-card-votes__row">
      {canVote && (
        <DotButtons
          round={round}
          cardId={cardId}
          allocations={ballot.values}
          onChange={(next) => change(next, cardId)}
        />
      )}
      {total !== null && (
        <span
          className="cb-card-votes__total"
          data-testid={`card-dots-${cardId}`}
          title={round.status === 'open' ? 'Dots so far (live)' : 'Dots'}
        >
          <span className="cb-dot" aria-hidden="true" /> {total}
        </span>
      )}
      {ballot.error?.cardId === cardId && (
        <span className="cb-card-votes__error" role="alert">
          {ballot.error.message}
        </span>
      )}
    </span>
  )
}

function CardFist(props: { board: BoardContextValue; round: PublishedRound; cardId: string }) {
  const { board, round, cardId } = props
  const { ballot, canVote, change } = useBallot(board, round)
  const tally = round.tally as FistTally | null
  if (!canVote && !tally) return null
  return (
    <span className="cb-card-votes__row">
      {canVote && (
        <FistPicker
          cardId={cardId}
          answers={ballot.values}
          onChange={(next) => change(next, cardId)}
        />
      )}
      {tally && <FistDistribution cardId={cardId} counts={tally[cardId]} />}
      {ballot.error?.cardId === cardId && (
        <span className="cb-card-votes__error" role="alert">
          {ballot.error.message}
        </span>
      )}
    </span>
  )
}
