import type { PublishedRound } from '../../../shared/votingSchemas.ts'
import { stopCanvasEvents } from '../../shapes/stopCanvasEvents.ts'
import { canAddDot, withDot, type Allocations } from './ballotMath.ts'

/**
 * − n + for my dots on one card, used on the card and in the Vote panel. Buttons that would
 * break the round's rules (budget, cap per card) are disabled rather than refused later.
 */
export function DotButtons(props: {
  round: PublishedRound
  cardId: string
  allocations: Allocations
  onChange: (next: Allocations) => void
}) {
  const { round, cardId, allocations, onChange } = props
  const mine = allocations[cardId] ?? 0
  const change = (delta: 1 | -1) => {
    const next = withDot(round, allocations, cardId, delta)
    if (next) onChange(next)
  }
  return (
    <span className="cb-dots" {...stopCanvasEvents}>
      <button
        type="button"
        className="cb-dots__button"
        data-testid={`vote-remove-${cardId}`}
        aria-label="Remove one of my dots"
        disabled={mine === 0}
        onClick={() => change(-1)}
      >
        −
      </button>
      <span className="cb-dots__mine" data-testid={`vote-mine-${cardId}`} title="My dots">
        {mine}
      </span>
      <button
        type="button"
        className="cb-dots__button cb-dots__button--add"
        data-testid={`vote-add-${cardId}`}
        aria-label="Add one dot"
        title={
          canAddDot(round, allocations, cardId)
            ? 'Add one dot'
            : mine >= round.maxPerCard
              ? `At most ${round.maxPerCard} per card`
              : 'No dots left'
        }
        disabled={!canAddDot(round, allocations, cardId)}
        onClick={() => change(1)}
      >
        +
      </button>
    </span>
  )
}
