import type { Editor } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'

/**
 * Canvas-level workshop behaviours (bring everyone here, locks, private writing), installed
 * when the editor mounts. Returns a cleanup.
 */
export function installWorkshopBehaviours(_editor: Editor, _board: BoardContextValue): () => void {
  return () => undefined
}
