import { HTMLContainer, useEditor, useValue } from 'tldraw'
import { updateCard } from '../../shared/boardDoc.ts'
import { cardStatuses } from '../../shared/cardSchema.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { useCard } from '../cards/useCard.ts'
import { TextInput, Select } from './CardInputs.tsx'
import { CardTextField } from './CardTextField.tsx'
import { cardKindBadge, cardKindColor, cardStatusColor, titlePlaceholder } from './cardKindStyle.ts'
import { CardWorkshopExtras } from '../workshop/CardWorkshopExtras.tsx'
import { useIsCardLocked } from '../workshop/facilitation/useLocks.ts'
import { useIsCardHidden } from '../workshop/facilitation/usePrivateWriting.ts'
import { EditingMarker } from './EditingMarker.tsx'
import { MetricEditor } from './MetricEditor.tsx'
import { OkrCardSummary } from './OkrCardSummary.tsx'
import { PrivateCardPlaceholder } from './PrivateCardPlaceholder.tsx'
import { useCardDetail } from './useCardDetail.ts'
import type { OkrCardShape } from './okrCardShape.ts'
import { useShapeBoard } from './useShapeBoard.ts'
// The card's styles travel with it; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './okrCard.css'

/**
 * The body of an `okr-card` shape. The shape only knows the card id and its size; the
 * content is read live from the board document, so edits by anyone show as they type.
 */
export function OkrCardView({ shape }: { shape: OkrCardShape }) {
  const board = useShapeBoard()
  const detail = useCardDetail(shape.id)
  const { cardId, w, h } = shape.props
  return (
    <HTMLContainer
      className="okr-card-container"
      style={{ width: w, height: h, pointerEvents: 'all' }}
    >
      {!board ? (
        <div className="okr-card okr-card--missing">Connecting…</div>
      ) : detail === 'hidden' ? (
        // tldraw does not display a culled shape: an empty box until it scrolls into view.
        <div className="okr-card" data-testid={`okr-card-${cardId}`} data-detail="hidden" />
      ) : detail === 'summary' ? (
        <OkrCardSummary board={board} cardId={cardId} />
      ) : (
        <OkrCardBody board={board} cardId={cardId} />
      )}
    </HTMLContainer>
  )
}

function OkrCardBody({ board, cardId }: { board: BoardContextValue; cardId: string }) {
  const { doc, awareness } = board
  // A locked card (facilitator's lock) is read-only for everyone else, like a viewer's.
  const locked = useIsCardLocked(cardId)
  const readOnly = board.readOnly || locked
  // During private writing, others' new cards stay hidden until the facilitator reveals.
  const hidden = useIsCardHidden(cardId)
  const editor = useEditor()
  // With another tool (arrow, hand, draw…) the whole card belongs to that tool, so an
  // arrow can start or end anywhere on it; the fields only take the pointer when selecting.
  const isSelecting = useValue('is select tool', () => editor.getCurrentToolId() === 'select', [
    editor,
  ])
  const card = useCard(doc, cardId)
  if (!card) {
    return (
      <div className="okr-card okr-card--missing" data-testid={`okr-card-${cardId}`}>
        This card has been removed.
      </div>
    )
  }
  if (hidden) return <PrivateCardPlaceholder cardId={cardId} kind={card.kind} />
  const kindColor = cardKindColor[card.kind]
  const testId = (part: string) => `card-${part}-${cardId}`
  const isAction = card.kind === 'action'

  return (
    <div
      className={`okr-card okr-card--${card.kind} okr-card--${card.status}${isSelecting ? '' : ' okr-card--passive'}`}
      style={{ borderColor: kindColor }}
      data-testid={`okr-card-${cardId}`}
      data-kind={card.kind}
    >
      <div className="okr-card__header">
        <span className="okr-card__badge" style={{ backgroundColor: kindColor }}>
          {cardKindBadge[card.kind]}
        </span>
        <Select
          className="okr-card__status"
          testId={testId('status')}
          label="Status"
          value={card.status}
          options={cardStatuses}
          disabled={readOnly}
          onChange={(status) => updateCard(doc, cardId, { status })}
        />
        <span
          className="okr-card__status-dot"
          style={{ backgroundColor: cardStatusColor[card.status] }}
          aria-hidden="true"
        />
        <EditingMarker awareness={awareness} cardId={cardId} />
      </div>
      <CardTextField
        doc={doc}
        awareness={awareness}
        cardId={cardId}
        field="title"
        surface="canvas"
        readOnly={readOnly}
        testId={testId('title')}
        label="Title"
        placeholder={titlePlaceholder[card.kind]}
        className="okr-card__title"
        rows={2}
        // Back to the canvas, so its keyboard shortcuts work again without a click.
        onTitleDone={() => editor.getContainer().focus()}
      />
      <CardTextField
        doc={doc}
        awareness={awareness}
        cardId={cardId}
        field="notes"
        surface="canvas"
        readOnly={readOnly}
        testId={testId('notes')}
        label="Notes"
        placeholder={isAction ? 'What we learned, what we change' : 'Why: customer value, evidence'}
        className="okr-card__notes"
        rows={2}
      />
      <div className="okr-card__row">
        {!isAction && (
          <TextInput
            className="okr-card__field"
            testId={testId('team')}
            label="Team"
            placeholder="Team"
            value={card.team}
            disabled={readOnly}
            onChange={(team) => updateCard(doc, cardId, { team })}
          />
        )}
        <TextInput
          className="okr-card__field"
          testId={testId('owner')}
          label="Owner"
          placeholder="Owner"
          value={card.owner}
          disabled={readOnly}
          onChange={(owner) => updateCard(doc, cardId, { owner })}
        />
        {isAction && (
          <TextInput
            type="date"
            className="okr-card__field"
            testId={testId('due')}
            label="Due date"
            maxLength={40}
            value={card.dueDate ?? ''}
            disabled={readOnly}
            onChange={(dueDate) => updateCard(doc, cardId, { dueDate: dueDate || null })}
          />
        )}
      </div>
      {card.kind === 'keyResult' && <MetricEditor doc={doc} card={card} readOnly={readOnly} />}
      <CardWorkshopExtras cardId={cardId} />
    </div>
  )
}
