import type { Card } from '../../shared/cardSchema.ts'
import { keyResultProgress, formatPercent } from '../cards/progress.ts'
import { cardKindBadge, cardKindColor } from './cardKindStyle.ts'
import { wrapText } from './wrapText.ts'

/**
 * A static picture of a card for image exports of the board (tldraw exports shapes as
 * SVG; the live card is HTML). Title, kind and, for key results, progress.
 */
export function OkrCardSvg({ card, w, h }: { card: Card | null; w: number; h: number }) {
  const color = card ? cardKindColor[card.kind] : '#9ca3af'
  const lines = card
    ? wrapText(card.title || '(untitled)', Math.max(10, Math.floor(w / 8.5)), 4)
    : []
  const progress = card?.kind === 'keyResult' ? keyResultProgress(card) : null
  return (
    <g>
      <rect width={w} height={h} rx={10} fill="#ffffff" stroke={color} strokeWidth={2} />
      <rect width={w} height={6} rx={3} fill={color} />
      {card && (
        <text x={12} y={28} fontSize={11} fontWeight={600} fill={color} fontFamily="sans-serif">
          {cardKindBadge[card.kind].toUpperCase()} · {card.status}
        </text>
      )}
      {lines.map((line, index) => (
        <text
          key={index}
          x={12}
          y={52 + index * 20}
          fontSize={15}
          fontWeight={600}
          fill="#111827"
          fontFamily="sans-serif"
        >
          {line}
        </text>
      ))}
      {progress !== null && (
        <text x={12} y={h - 14} fontSize={12} fill="#374151" fontFamily="sans-serif">
          Progress {formatPercent(progress)}
        </text>
      )}
    </g>
  )
}
