import { memo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { CardKind } from '../../shared/cardSchema.ts'
import { formatPercent, keyResultProgress } from '../cards/progress.ts'
import { moveLimits, type CardNode, type CardTree } from '../cards/cardTree.ts'
import { cardKindBadge, cardKindColor, cardStatusColor } from '../shapes/cardKindStyle.ts'
import { CardTextField } from '../shapes/CardTextField.tsx'
import { useIsCardLocked } from '../workshop/facilitation/useLocks.ts'
import { useIsCardHidden } from '../workshop/facilitation/usePrivateWriting.ts'
import { addCardFromOutline, moveCardInOutline } from './outlineActions.ts'

/** What every row shares; the same object across renders, so rows can skip rendering. */
export interface OutlineContext {
  doc: Y.Doc
  awareness: Awareness
  /** The tree the outline shows now, for moves (read when a button is pressed). */
  currentTree: () => CardTree
  readOnly: boolean
  createdBy: string
  onJump: (cardId: string) => void
}

const kindInitials: Record<CardKind, string> = {
  objective: 'O',
  keyResult: 'KR',
  initiative: 'I',
  action: 'A',
}

/** The child cards one may add under a card from the outline, with their test ids. */
const childKinds: Partial<Record<CardKind, { kind: CardKind; label: string; test: string }[]>> = {
  objective: [{ kind: 'keyResult', label: '+ KR', test: 'kr' }],
  keyResult: [
    { kind: 'initiative', label: '+ Initiative', test: 'initiative' },
    { kind: 'action', label: '+ Action', test: 'action' },
  ],
}

interface OutlineItemProps {
  node: CardNode
  context: OutlineContext
  /** Whether the card can move up / down among its siblings (within its group). */
  canMoveUp: boolean
  canMoveDown: boolean
}

/**
 * One card in the outline, with its children below it. Memoized: the tree keeps the node
 * of a card that did not change (see buildCardTree), so one person's edit re-renders that
 * card's row and its ancestors', not the whole outline.
 */
export const OutlineItem = memo(function OutlineItem(props: OutlineItemProps) {
  const { node, context, canMoveUp, canMoveDown } = props
  const { card } = node
  const { doc, awareness } = context
  // The same rules as on the canvas: locked cards are read-only, private ones hidden.
  const locked = useIsCardLocked(card.id)
  const readOnly = context.readOnly || locked
  const hidden = useIsCardHidden(card.id)
  const progress = card.kind === 'keyResult' ? keyResultProgress(card) : null
  const move = (direction: -1 | 1) =>
    moveCardInOutline(doc, context.currentTree(), card.id, direction)

  return (
    <li className={`cb-outline__item cb-outline__item--${card.kind}`}>
      <div className="cb-outline__row" data-testid={`outline-item-${card.id}`}>
        <button
          type="button"
          className="cb-outline__kind"
          style={{ backgroundColor: cardKindColor[card.kind] }}
          title={`Show this ${cardKindBadge[card.kind]} on the canvas`}
          aria-label={`Show this ${cardKindBadge[card.kind]} on the canvas`}
          data-testid={`outline-jump-${card.id}`}
          onClick={() => context.onJump(card.id)}
        >
          {kindInitials[card.kind]}
        </button>
        {hidden ? (
          <span className="cb-outline__title cb-outline__title--private">
            ✎ private until reveal
          </span>
        ) : (
          <CardTextField
            doc={doc}
            awareness={awareness}
            cardId={card.id}
            field="title"
            surface="outline"
            readOnly={readOnly}
            testId={`outline-title-${card.id}`}
            label={`${cardKindBadge[card.kind]} title`}
            placeholder="Untitled"
            className="cb-outline__title"
            rows={1}
          />
        )}
        {!readOnly && (
          <span className="cb-outline__order">
            <button
              type="button"
              aria-label="Move up"
              title="Move up"
              data-testid={`outline-up-${card.id}`}
              disabled={!canMoveUp}
              onClick={() => move(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label="Move down"
              title="Move down"
              data-testid={`outline-down-${card.id}`}
              disabled={!canMoveDown}
              onClick={() => move(1)}
            >
              ↓
            </button>
          </span>
        )}
      </div>
      <div className="cb-outline__meta">
        <span
          className="cb-outline__status"
          style={{ color: cardStatusColor[card.status] }}
          data-testid={`outline-status-${card.id}`}
        >
          ● {card.status}
        </span>
        {card.owner && <span className="cb-outline__owner">{card.owner}</span>}
        {card.team && <span className="cb-outline__team">{card.team}</span>}
        {progress !== null && (
          <span className="cb-outline__progress">{formatPercent(progress)}</span>
        )}
        {!readOnly &&
          childKinds[card.kind]?.map((child) => (
            <button
              key={child.kind}
              type="button"
              className="cb-outline__add-child"
              data-testid={`outline-add-${child.test}-${card.id}`}
              onClick={() =>
                addCardFromOutline(doc, {
                  kind: child.kind,
                  parentId: card.id,
                  createdBy: context.createdBy,
                })
              }
            >
              {child.label}
            </button>
          ))}
      </div>
      {node.children.length > 0 && (
        <ul className="cb-outline__list">
          <OutlineRows nodes={node.children} context={context} />
        </ul>
      )}
    </li>
  )
})

/**
 * Rows for `nodes`, each told whether it can move among `siblings`: the whole list they
 * belong to, of which `nodes` may be only the part mounted so far.
 */
export function OutlineRows(props: {
  nodes: readonly CardNode[]
  siblings?: readonly CardNode[]
  context: OutlineContext
}) {
  const { nodes, siblings = nodes, context } = props
  const limits = moveLimits(siblings)
  return nodes.map((node) => (
    <OutlineItem
      key={node.card.id}
      node={node}
      context={context}
      canMoveUp={limits.get(node.card.id)?.up ?? false}
      canMoveDown={limits.get(node.card.id)?.down ?? false}
    />
  ))
}
