import type { BoardContextValue } from '../board/BoardContext.tsx'
import { useCard } from '../cards/useCard.ts'
import { useIsCardHidden } from '../workshop/facilitation/usePrivateWriting.ts'
import { cardKindBadge, cardKindColor, cardStatusColor, titlePlaceholder } from './cardKindStyle.ts'
import { PrivateCardPlaceholder } from './PrivateCardPlaceholder.tsx'

/**
 * A card seen from far away (see useCardDetail): what a facilitator scans an overview for —
 * kind, title, status, owner — as plain text, with none of the full card's inputs, so a
 * board of a thousand cards zoomed to fit stays quick. Zooming in brings the fields back.
 */
export function OkrCardSummary({ board, cardId }: { board: BoardContextValue; cardId: string }) {
  const card = useCard(board.doc, cardId)
  const hidden = useIsCardHidden(cardId)
  if (!card) return <div className="okr-card okr-card--missing">This card has been removed.</div>
  if (hidden) return <PrivateCardPlaceholder cardId={cardId} kind={card.kind} />
  const kindColor = cardKindColor[card.kind]
  return (
    <div
      className={`okr-card okr-card--${card.kind} okr-card--${card.status} okr-card--summary`}
      style={{ borderColor: kindColor }}
      data-testid={`okr-card-${cardId}`}
      data-kind={card.kind}
      data-detail="summary"
    >
      <div className="okr-card__header">
        <span className="okr-card__badge" style={{ backgroundColor: kindColor }}>
          {cardKindBadge[card.kind]}
        </span>
        <span className="okr-card__status-text">{card.status}</span>
        <span
          className="okr-card__status-dot"
          style={{ backgroundColor: cardStatusColor[card.status] }}
          aria-hidden="true"
        />
      </div>
      <p className="okr-card__summary-title">{card.title || titlePlaceholder[card.kind]}</p>
      {(card.owner || card.team) && (
        <p className="okr-card__summary-meta">
          {[card.team, card.owner].filter(Boolean).join(' · ')}
        </p>
      )}
    </div>
  )
}
