import { useContext } from 'react'
import { useEditor } from 'tldraw'
import { BoardContext, type BoardContextValue } from '../board/BoardContext.tsx'
import { getBoardOfEditor } from './boardRegistry.ts'

/**
 * The board a card shape belongs to: from React context when the board page wraps the
 * canvas in it, otherwise the board installCardBehaviours registered for this editor.
 */
export function useShapeBoard(): BoardContextValue | undefined {
  const fromContext = useContext(BoardContext)
  const editor = useEditor()
  return fromContext ?? getBoardOfEditor(editor)
}
