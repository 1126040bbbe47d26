import type { Editor } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'

/**
 * Which board an editor shows. Tools (classes the editor constructs) and shape utils
 * cannot use React context, so installCardBehaviours records the board here for them.
 */
const boards = new WeakMap<Editor, BoardContextValue>()

export function registerBoard(editor: Editor, board: BoardContextValue): () => void {
  boards.set(editor, board)
  return () => {
    if (boards.get(editor) === board) boards.delete(editor)
  }
}

export function getBoardOfEditor(editor: Editor): BoardContextValue | undefined {
  return boards.get(editor)
}

/** True when nothing may be written: a viewer, a read-only editor, or no board yet. */
export function isBoardReadOnly(editor: Editor): boolean {
  const board = boards.get(editor)
  return !board || board.readOnly || editor.getIsReadonly()
}
