import type { Editor } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { installFocusFollowing } from './facilitation/focusFollowing.ts'
import { installLockEnforcement } from './facilitation/lockEnforcement.ts'
import { serverNow } from './facilitation/serverClock.ts'

/**
 * Canvas-level workshop behaviours (bring everyone here, locks), installed when the editor
 * mounts. Returns a cleanup.
 */
export function installWorkshopBehaviours(editor: Editor, board: BoardContextValue): () => void {
  // Start measuring the clock offset now, so the first timer shown is already corrected.
  serverNow()
  const cleanups = [installFocusFollowing(editor, board), installLockEnforcement(editor, board)]
  return () => {
    for (const cleanup of cleanups.toReversed()) cleanup()
  }
}
