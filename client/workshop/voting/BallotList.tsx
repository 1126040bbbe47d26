import type { DotsTally, PublishedRound } from '../../../shared/votingSchemas.ts'
import { dotsRemaining } from './ballotMath.ts'
import type { BallotState, BallotValues } from './ballotStore.ts'
import { DotButtons } from './DotButtons.tsx'
import { FistPicker } from './FistPicker.tsx'
import { cardsOfRound } from './roundCards.ts'
import type { CardLabels } from './useCardLabels.ts'

/**
 * My ballot in an open round, in the Vote panel: the budget left (dots), and every card of
 * the round with − n + (dots) or 0..5 (fist). The same ballot as the buttons on the cards.
 */
export function BallotList(props: {
  round: PublishedRound
  ballot: BallotState
  labels: CardLabels
  onChange: (values: BallotValues, cardId: string) => void
  onJump: (cardId: string) => void
}) {
  const { round, ballot, labels, onChange, onJump } = props
  const cardIds = cardsOfRound(round, labels.cards)
  const liveTally = round.kind === 'dots' && round.tally ? (round.tally as DotsTally) : null
  if (!ballot.ready) return <p className="cb-muted cb-workshop-note">Loading your ballot…</p>

  return (
    <div className="cb-ballot">
      {round.kind === 'dots' ? (
        <p className="cb-ballot__budget" aria-live="polite">
          <strong data-testid="dots-remaining">{dotsRemaining(round, ballot.values)}</strong> of{' '}
          {round.votesPerPerson} dots left · max {round.maxPerCard} per card
          {ballot.saving && <span className="cb-muted"> · saving…</span>}
        </p>
      ) : (
        <p className="cb-ballot__budget">
          Show your fist: 0 = block, 3 = can live with it, 5 = fully behind it.
          {ballot.saving && <span className="cb-muted"> Saving…</span>}
        </p>
      )}
      {ballot.error && (
        <p className="cb-workshop-error" role="alert" data-testid="ballot-error">
          {ballot.error.message}
        </p>
      )}
      {cardIds.length === 0 && (
        <p className="cb-muted cb-workshop-note">No cards to vote on yet.</p>
      )}
      <ul className="cb-ballot__list">
        {cardIds.map((cardId) => (
          <li key={cardId} className="cb-ballot__item" data-testid={`ballot-item-${cardId}`}>
            <button type="button" className="cb-ballot__title" onClick={() => onJump(cardId)}>
              {labels.labelOf(cardId)}
            </button>
            {liveTally && (
              <span className="cb-ballot__live" title="Dots so far (live)">
                <span className="cb-dot" aria-hidden="true" /> {liveTally[cardId] ?? 0}
              </span>
            )}
            {round.kind === 'dots' ? (
              <DotButtons
                round={round}
                cardId={cardId}
                allocations={ballot.values}
                onChange={(next) => onChange(next, cardId)}
              />
            ) : (
              <FistPicker
                cardId={cardId}
                answers={ballot.values}
                onChange={(next) => onChange(next, cardId)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
