import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { tleditors } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { useCardTree } from '../cards/useCardTree.ts'
import { jumpToCard } from '../shapes/jumpToCard.ts'
import { addCardFromOutline } from './outlineActions.ts'
import { OutlineRows, type OutlineContext } from './OutlineItem.tsx'
import { OutlineMore } from './OutlineMore.tsx'
import { nodesWithinBudget, OUTLINE_PAGE_CARDS } from './outlineWindow.ts'
// The outline's styles travel with it; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './outline.css'

/**
 * The OKR tree as a live list: objectives (nested under their parent objective), their
 * key results, and the initiatives and actions under each key result. Titles edit the
 * same Y.Text as the cards on the canvas; order, additions and jumps are here. Viewers
 * can read and jump, nothing else.
 */
export function OutlinePanel({ onJumpToCard }: { onJumpToCard?: (cardId: string) => void }) {
  const { doc, awareness, session, readOnly } = useBoard()
  const liveTree = useCardTree(doc)
  // The rows render in the background: on a big board React can then pause this render
  // to keep the page responsive.
  const tree = useDeferredValue(liveTree, null)
  // Cards mounted so far (see outlineWindow.ts); grows as the reader scrolls down.
  const [budget, setBudget] = useState(OUTLINE_PAGE_CARDS)
  const showMore = useCallback(() => setBudget((b) => b + OUTLINE_PAGE_CARDS), [])
  // The rows read the tree when a button is pressed, not while rendering: the context stays
  // the same object, so a row whose card did not change is not rendered again.
  const treeRef = useRef(tree)
  const onJumpRef = useRef(onJumpToCard)
  useEffect(() => {
    treeRef.current = tree
    onJumpRef.current = onJumpToCard
  })
  const context = useMemo<OutlineContext>(
    () => ({
      doc,
      awareness,
      readOnly,
      createdBy: session.name,
      currentTree: () => treeRef.current!,
      onJump: (cardId) => {
        if (onJumpRef.current) onJumpRef.current(cardId)
        else {
          // Without a handler, use the board's canvas if it is mounted.
          const editor = tleditors.getMounted()[0]
          if (editor) jumpToCard(editor, cardId)
        }
      },
    }),
    [doc, awareness, readOnly, session.name],
  )
  if (!tree) return <OutlinePending />
  const roots = nodesWithinBudget(tree.roots, budget)
  const unaligned = nodesWithinBudget(tree.unaligned, Math.max(1, budget - roots.usedCards))
  const unalignedShown = roots.hiddenCount === 0 ? unaligned.shown : []
  const notMounted = roots.hiddenCount + tree.unaligned.length - unalignedShown.length

  const isEmpty = tree.roots.length === 0 && tree.unaligned.length === 0

  return (
    <section className="cb-outline" aria-label="OKR outline" data-testid="outline">
      <div className="cb-outline__header">
        <h2 className="cb-outline__heading">Objectives</h2>
        {!readOnly && (
          <button
            type="button"
            className="cb-outline__add"
            data-testid="outline-add-objective"
            onClick={() => {
              // The new objective goes last: mount the whole outline so it is there to type in.
              setBudget(Infinity)
              addCardFromOutline(doc, {
                kind: 'objective',
                parentId: null,
                createdBy: session.name,
              })
            }}
          >
            + Objective
          </button>
        )}
      </div>
      {isEmpty && (
        <p className="cb-outline__empty">
          {readOnly ? 'No objectives yet.' : 'No objectives yet. Add one here or on the canvas.'}
        </p>
      )}
      <ul className="cb-outline__list cb-outline__list--root">
        <OutlineRows nodes={roots.shown} siblings={tree.roots} context={context} />
      </ul>
      {unalignedShown.length > 0 && (
        <>
          <h3 className="cb-outline__subheading">Not aligned yet</h3>
          <ul className="cb-outline__list cb-outline__list--root" data-testid="outline-unaligned">
            <OutlineRows nodes={unalignedShown} siblings={tree.unaligned} context={context} />
          </ul>
        </>
      )}
      {notMounted > 0 && <OutlineMore remaining={notMounted} onMore={showMore} />}
    </section>
  )
}

/** The outline's place while it is being built. */
export function OutlinePending() {
  return <section className="cb-outline" aria-label="OKR outline" aria-busy="true" />
}
