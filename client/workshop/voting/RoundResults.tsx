import type { DotsTally, FistTally, PublishedRound } from '../../../shared/votingSchemas.ts'
import { FistDistribution } from './FistDistribution.tsx'
import { rankByDots, rankForConverge } from './ranking.ts'
import { cardsOfRound, votersByCard } from './roundCards.ts'
import type { CardLabels } from './useCardLabels.ts'

/**
 * A round's results once everyone may see them: dots as a ranked list, or the fist-of-five
 * distribution per card with its verdict; for a revealed named round, who voted what.
 */
export function RoundResults(props: {
  round: PublishedRound
  labels: CardLabels
  onJump: (cardId: string) => void
}) {
  const { round, labels, onJump } = props
  if (!round.tally) {
    return (
      <p className="cb-muted cb-workshop-note" data-testid={`tally-sealed-${round.id}`}>
        Sealed: nobody sees any votes until the facilitator reveals them.
      </p>
    )
  }
  const named = votersByCard(round.ballots)
  const whoVoted = (cardId: string) => {
    const list = named.get(cardId)
    if (!list || list.length === 0) return null
    const text = list
      .map(({ name, value }) => (round.kind === 'dots' ? `${name} ×${value}` : `${name}: ${value}`))
      .join(', ')
    return (
      <span className="cb-results__who" data-testid={`voters-${cardId}`}>
        {text}
      </span>
    )
  }

  if (round.kind === 'dots') {
    const ranked = rankByDots(round.tally as DotsTally, labels.labelOf)
    if (ranked.length === 0) return <p className="cb-muted cb-workshop-note">No dots placed.</p>
    return (
      <ol className="cb-results" data-testid={`ranking-${round.id}`} aria-label="Ranking by dots">
        {ranked.map(({ cardId, dots }, index) => (
          <li
            key={cardId}
            className="cb-results__item"
            data-testid={`ranking-item-${cardId}`}
            data-rank={index + 1}
          >
            <span className="cb-results__rank">{index + 1}</span>
            <span className="cb-results__body">
              <button type="button" className="cb-ballot__title" onClick={() => onJump(cardId)}>
                {labels.labelOf(cardId)}
              </button>
              {whoVoted(cardId)}
            </span>
            <span className="cb-results__dots" data-testid={`ranking-dots-${cardId}`}>
              <span className="cb-dot" aria-hidden="true" /> {dots}
            </span>
          </li>
        ))}
      </ol>
    )
  }

  const tally = round.tally as FistTally
  const order = rankForConverge(
    cardsOfRound(round, labels.cards).map((cardId) => ({ cardId, title: labels.labelOf(cardId) })),
    null,
    tally,
  )
  return (
    <ul className="cb-results" data-testid={`fist-results-${round.id}`}>
      {order.map(({ cardId }) => (
        <li key={cardId} className="cb-results__item cb-results__item--fist">
          <span className="cb-results__body">
            <button type="button" className="cb-ballot__title" onClick={() => onJump(cardId)}>
              {labels.labelOf(cardId)}
            </button>
            {whoVoted(cardId)}
          </span>
          <FistDistribution cardId={cardId} counts={tally[cardId]} />
        </li>
      ))}
    </ul>
  )
}
