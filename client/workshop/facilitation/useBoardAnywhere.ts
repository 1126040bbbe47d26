import { useContext } from 'react'
import { useMaybeEditor } from 'tldraw'
import { BoardContext, type BoardContextValue } from '../../board/BoardContext.tsx'
import { getBoardOfEditor } from '../../shapes/boardRegistry.ts'

/**
 * The board, from React context on the board page, or from the editor's registry inside
 * shapes rendered without that context (see client/shapes/useShapeBoard.ts). Null outside
 * any board, so card parts can render nothing instead of throwing.
 */
export function useBoardAnywhere(): BoardContextValue | null {
  const fromContext = useContext(BoardContext)
  const editor = useMaybeEditor()
  return fromContext ?? (editor ? (getBoardOfEditor(editor) ?? null) : null)
}
