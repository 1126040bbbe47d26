import { qualityHints } from '../../shared/qualityHints.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { useCard } from '../cards/useCard.ts'
import { useShapeBoard } from '../shapes/useShapeBoard.ts'
import { GradeControl } from './GradeControl.tsx'
import { QualityHints } from './QualityHints.tsx'
import { useKeyResultCount } from './useKeyResultCount.ts'
// The outcome styles travel with the components; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './outcomes.css'

/**
 * What outcomes add to an OKR card on the canvas: a key result's grade (PDCA "Check"),
 * coloured so the board reads at a glance, and gentle quality hints on any card.
 */
export function CardQuality({ cardId }: { cardId: string }) {
  const board = useShapeBoard()
  return board ? <CardQualityRow board={board} cardId={cardId} /> : null
}

function CardQualityRow({ board, cardId }: { board: BoardContextValue; cardId: string }) {
  const { doc, readOnly } = board
  const card = useCard(doc, cardId)
  const keyResultCount = useKeyResultCount(doc, cardId, card?.kind === 'objective')
  if (!card) return null
  // A dropped card is out of the outcome: no advice on it.
  const hints = card.status === 'dropped' ? [] : qualityHints(card, { keyResultCount })
  const isKeyResult = card.kind === 'keyResult'
  if (!isKeyResult && hints.length === 0) return null

  // Key result cards are full already: grade and hints share one row there, the hints as
  // a bulb with a count (the tooltip lists them) and the guidance when there is room.
  return (
    <div
      className={`cb-quality${isKeyResult ? ' cb-quality--row' : ''}`}
      data-testid={`card-quality-${cardId}`}
    >
      {isKeyResult && (
        <GradeControl
          doc={doc}
          cardId={cardId}
          grade={card.grade}
          readOnly={readOnly}
          testId={`grade-input-${cardId}`}
          showGuidance={hints.length === 0}
        />
      )}
      <QualityHints cardId={cardId} hints={hints} compact={isKeyResult} />
    </div>
  )
}
