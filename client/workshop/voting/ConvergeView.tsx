import { updateCard } from '../../../shared/boardDoc.ts'
import type { CardStatus } from '../../../shared/cardSchema.ts'
import type { DotsTally, FistTally, PublishedRound } from '../../../shared/votingSchemas.ts'
import { useBoard } from '../../board/BoardContext.tsx'
import { verdictLabel } from './consensus.ts'
import { rankForConverge } from './ranking.ts'
import { cardsOfRound } from './roundCards.ts'
import type { CardLabels } from './useCardLabels.ts'
import { latestVisibleTally } from './useRounds.ts'

/**
 * Converge: the candidates (every objective, plus the cards of the latest dots and fist
 * rounds) ranked by dots, then consensus, with the facilitator's Agree / Drop for each in
 * one place. Marking writes the card's status, which the outcome export reads.
 */
export function ConvergeView(props: {
  rounds: readonly PublishedRound[]
  labels: CardLabels
  onJump: (cardId: string) => void
}) {
  const { rounds, labels, onJump } = props
  const { doc, session } = useBoard()
  const isFacilitator = session.role === 'facilitator'
  const dotsRound = latestVisibleTally(rounds, 'dots')
  const fistRound = latestVisibleTally(rounds, 'fist')

  const candidateIds = new Set(
    labels.cards.filter((card) => card.kind === 'objective').map((card) => card.id),
  )
  for (const round of [dotsRound, fistRound]) {
    if (round) for (const id of cardsOfRound(round, labels.cards)) candidateIds.add(id)
  }
  const ranked = rankForConverge(
    [...candidateIds].map((cardId) => ({ cardId, title: labels.labelOf(cardId) })),
    (dotsRound?.tally as DotsTally | null) ?? null,
    (fistRound?.tally as FistTally | null) ?? null,
  )

  const mark = (cardId: string, current: CardStatus, status: 'agreed' | 'dropped') =>
    // A second click takes the decision back: the card returns to "proposed".
    updateCard(doc, cardId, { status: current === status ? 'proposed' : status })

  return (
    <section className="cb-workshop-section" aria-label="Converge" data-testid="converge">
      <h2 className="cb-workshop-heading">Converge</h2>
      <p className="cb-muted cb-workshop-note">
        Ranked by dots{dotsRound ? ` (${dotsRound.title})` : ''}, then consensus
        {fistRound ? ` (${fistRound.title})` : ''}.
      </p>
      {ranked.length === 0 && <p className="cb-muted cb-workshop-note">No candidates yet.</p>}
      <ol className="cb-results">
        {ranked.map((item, index) => {
          const status = labels.byId.get(item.cardId)?.status ?? 'draft'
          return (
            <li
              key={item.cardId}
              className="cb-results__item"
              data-testid={`converge-item-${item.cardId}`}
              data-status={status}
            >
              <span className="cb-results__rank">{index + 1}</span>
              <span className="cb-results__body">
                <button
                  type="button"
                  className="cb-ballot__title"
                  onClick={() => onJump(item.cardId)}
                >
                  {labels.labelOf(item.cardId)}
                </button>
                <span className="cb-results__who">
                  <span className="cb-dot" aria-hidden="true" /> {item.dots}
                  {item.verdict !== 'none' && (
                    <span className={`cb-verdict cb-verdict--${item.verdict}`}>
                      {' '}
                      {verdictLabel[item.verdict]}
                    </span>
                  )}
                  {!isFacilitator && ` · ${status}`}
                </span>
              </span>
              {isFacilitator && (
                <span className="cb-converge__actions">
                  <button
                    type="button"
                    className="cb-button cb-button--small cb-converge__agree"
                    data-testid={`converge-agree-${item.cardId}`}
                    aria-pressed={status === 'agreed'}
                    onClick={() => mark(item.cardId, status, 'agreed')}
                  >
                    Agree
                  </button>
                  <button
                    type="button"
                    className="cb-button cb-button--small cb-converge__drop"
                    data-testid={`converge-drop-${item.cardId}`}
                    aria-pressed={status === 'dropped'}
                    onClick={() => mark(item.cardId, status, 'dropped')}
                  >
                    Drop
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
