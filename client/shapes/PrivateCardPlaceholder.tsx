import type { CardKind } from '../../shared/cardSchema.ts'
import { cardKindBadge, cardKindColor } from './cardKindStyle.ts'

/** Someone else's new card during private writing: its kind shows, its words do not. */
export function PrivateCardPlaceholder({ cardId, kind }: { cardId: string; kind: CardKind }) {
  const kindColor = cardKindColor[kind]
  return (
    <div
      className={`okr-card okr-card--${kind} okr-card--private`}
      style={{ borderColor: kindColor }}
      data-testid={`okr-card-${cardId}`}
      data-private="true"
    >
      <span className="okr-card__badge" style={{ backgroundColor: kindColor }}>
        {cardKindBadge[kind]}
      </span>
      <p className="okr-card__private">✎ private until reveal</p>
    </div>
  )
}
