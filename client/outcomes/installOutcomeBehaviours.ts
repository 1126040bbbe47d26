import type { Editor } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'

/** Canvas-level outcome behaviours (e.g. laying out the PDCA template's frames). Returns a cleanup. */
export function installOutcomeBehaviours(_editor: Editor, _board: BoardContextValue): () => void {
  return () => undefined
}
