import type {
  Editor,
  TLAnyShapeUtilConstructor,
  TLComponents,
  TLStateNodeConstructor,
  TLUiOverrides,
} from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { installArrowAlignment } from './arrowAlignment.ts'
import { registerBoard } from './boardRegistry.ts'
import { installCardShapeCopies } from './cardShapeCopies.ts'
import { installCardShapeLifecycle } from './cardShapeLifecycle.ts'
import { CardTombstones } from './cardSnapshots.ts'
import { installEnsureCardShapes } from './ensureCardShapes.ts'
import { okrCardTools } from './OkrCardTool.ts'
import { OkrCardShapeUtil } from './OkrCardShapeUtil.tsx'
import { toolbarComponents as cardToolbarComponents } from './toolbar.tsx'
import { uiOverrides as cardUiOverrides } from './uiOverrides.ts'

/** OKR cards on the tldraw canvas: what the board page passes to <Tldraw>. */
export const customShapeUtils: TLAnyShapeUtilConstructor[] = [OkrCardShapeUtil]
export const customTools: TLStateNodeConstructor[] = okrCardTools
export const uiOverrides: TLUiOverrides = cardUiOverrides
export const toolbarComponents: Partial<TLComponents> = cardToolbarComponents

export { jumpToCard } from './jumpToCard.ts'
export { OKR_CARD_TYPE, okrCardShapeId, type OkrCardShape } from './okrCardShape.ts'

/**
 * Everything that keeps cards and canvas in step for one mounted editor (call from
 * <Tldraw onMount>): card shapes for every card, card deletion with its shape, copies
 * turned into cards, and alignment by arrows. Returns a cleanup that removes every
 * listener and timer.
 */
export function installCardBehaviours(editor: Editor, board: BoardContextValue): () => void {
  const tombstones = new CardTombstones()
  const cleanups = [
    registerBoard(editor, board),
    installCardShapeLifecycle(editor, board, tombstones),
    installCardShapeCopies(editor, board, tombstones),
    installArrowAlignment(editor, board),
    installEnsureCardShapes(editor, board),
  ]
  return () => {
    for (const cleanup of cleanups.toReversed()) cleanup()
  }
}
