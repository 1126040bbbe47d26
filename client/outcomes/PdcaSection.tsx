import { useMemo } from 'react'
import type { Editor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { compareCardOrder, type OrderedCard } from '../cards/cardOrder.ts'
import { useAllCards } from '../cards/useCardTree.ts'
import { jumpToCard } from '../shapes/jumpToCard.ts'
import { addActionForKeyResult } from './actionCards.ts'
import { GRADE_GUIDANCE } from './grade.ts'
import { GradeControl } from './GradeControl.tsx'

/**
 * The PDCA retrospective's Check and Adjust steps in one list: each key result with its
 * grade, and the actions (countermeasures) that adjust it, with a button to add one.
 */
export function PdcaSection({ editor }: { editor: Editor | null }) {
  const board = useBoard()
  const { doc, readOnly } = board
  const cards = useAllCards(doc)
  const keyResults = useMemo(
    () =>
      cards
        .filter((card) => card.kind === 'keyResult' && card.status !== 'dropped')
        .toSorted(compareCardOrder),
    [cards],
  )
  const actionsOf = (keyResultId: string): OrderedCard[] =>
    cards
      .filter((card) => card.kind === 'action' && card.parentId === keyResultId)
      .toSorted(compareCardOrder)

  return (
    <section className="cb-outcomes__section" aria-labelledby="cb-pdca-heading">
      <h3 className="cb-outcomes__heading" id="cb-pdca-heading">
        Check and adjust
      </h3>
      <p className="cb-outcomes__text">
        Grade each key result from 0.0 to 1.0: {GRADE_GUIDANCE}. Then add actions (countermeasures)
        with an owner and a due date to the key result they adjust.
      </p>
      {keyResults.length === 0 && <p className="cb-outcomes__text">No key results yet.</p>}
      <ul className="cb-pdca">
        {keyResults.map((kr) => (
          <li key={kr.id} className="cb-pdca__kr" data-testid={`pdca-kr-${kr.id}`}>
            <button
              type="button"
              className="cb-link-button cb-pdca__title"
              title="Show on the canvas"
              onClick={() => editor && jumpToCard(editor, kr.id)}
            >
              {kr.title || 'Untitled key result'}
            </button>
            <div className="cb-pdca__row">
              <GradeControl
                doc={doc}
                cardId={kr.id}
                grade={kr.grade}
                readOnly={readOnly}
                testId={`panel-grade-input-${kr.id}`}
                showGuidance={false}
              />
              {!readOnly && (
                <button
                  type="button"
                  className="cb-button cb-button--small"
                  data-testid={`pdca-add-action-${kr.id}`}
                  onClick={() => addActionForKeyResult(editor, board, kr.id)}
                >
                  + Action
                </button>
              )}
            </div>
            <ActionList actions={actionsOf(kr.id)} editor={editor} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function ActionList({ actions, editor }: { actions: OrderedCard[]; editor: Editor | null }) {
  if (actions.length === 0) return null
  return (
    <ul className="cb-pdca__actions">
      {actions.map((action) => (
        <li key={action.id}>
          <button
            type="button"
            className="cb-link-button"
            onClick={() => editor && jumpToCard(editor, action.id)}
          >
            {action.title || 'Untitled action'}
          </button>
          <span className="cb-outcomes__muted">
            {' '}
            · {action.owner || 'no owner'}
            {action.dueDate ? ` · due ${action.dueDate}` : ' · no due date'}
            {action.status === 'dropped' ? ' · dropped' : ''}
          </span>
        </li>
      ))}
    </ul>
  )
}
