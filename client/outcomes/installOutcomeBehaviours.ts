import type { Editor } from 'tldraw'
import { getMeta } from '../../shared/boardDoc.ts'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { placePdcaFrames } from './pdcaFrames.ts'
import { readBoardTemplate } from './useBoardTemplate.ts'

/**
 * Canvas-level outcome behaviours for one mounted editor: on a PDCA retrospective board
 * (`meta.template === 'pdca'`), the first client that can write lays out the Plan / Do /
 * Check / Adjust frames. Viewers never write. Returns a cleanup.
 */
export function installOutcomeBehaviours(editor: Editor, board: BoardContextValue): () => void {
  if (board.readOnly) return () => undefined
  const meta = getMeta(board.doc)
  let timer: ReturnType<typeof setTimeout> | null = null
  let done = false

  const layOutIfPdca = () => {
    if (done || readBoardTemplate(board.doc) !== 'pdca') return
    done = true
    meta.unobserve(onMetaChange)
    if (placePdcaFrames(editor, board)) {
      // Whoever opens the new board first sees the four areas, not an empty corner.
      editor.zoomToFit({ animation: { duration: 200 } })
    }
  }
  // Not inside the Yjs event or React's mount: the store may be mid-update there.
  const schedule = () => {
    if (timer === null)
      timer = setTimeout(() => {
        timer = null
        layOutIfPdca()
      }, 0)
  }
  const onMetaChange = () => schedule()

  // `meta.template` is written at creation; an older document may get it later.
  meta.observe(onMetaChange)
  schedule()

  return () => {
    done = true
    meta.unobserve(onMetaChange)
    if (timer !== null) clearTimeout(timer)
  }
}
