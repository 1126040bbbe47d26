import type { Editor, TLDefaultColorStyle, TLShapeId } from 'tldraw'
import type { BoardContextValue } from '../board/BoardContext.tsx'
import { getCanvasKeyValue } from '../board/canvasKeyValue.ts'

/**
 * The PDCA retrospective's four areas as tldraw frames, laid out clockwise like the cycle
 * is drawn: Plan and Do on top, Adjust and Check below. Ids are fixed (`shape:pdca-plan`
 * …), so two clients opening a new board at once write the same four records and the
 * board still has four frames.
 */
export const pdcaAreas = [
  { key: 'plan', name: 'Plan', color: 'blue', column: 0, row: 0 },
  { key: 'do', name: 'Do', color: 'green', column: 1, row: 0 },
  { key: 'check', name: 'Check', color: 'orange', column: 1, row: 1 },
  { key: 'adjust', name: 'Adjust', color: 'red', column: 0, row: 1 },
] as const satisfies readonly {
  key: string
  name: string
  color: TLDefaultColorStyle
  column: number
  row: number
}[]

export type PdcaAreaKey = (typeof pdcaAreas)[number]['key']

export const PDCA_FRAME_SIZE = { w: 1040, h: 720 }
export const PDCA_FRAME_GAP = 80

export function pdcaFrameId(key: PdcaAreaKey): TLShapeId {
  return `shape:pdca-${key}` as TLShapeId
}

export interface PdcaFrameRecord {
  id: TLShapeId
  type: 'frame'
  x: number
  y: number
  props: { w: number; h: number; name: string; color: TLDefaultColorStyle }
}

/** The four frames, with the top-left one at `origin`. */
export function pdcaFrameLayout(origin = { x: 0, y: 0 }): PdcaFrameRecord[] {
  return pdcaAreas.map((area) => ({
    id: pdcaFrameId(area.key),
    type: 'frame',
    x: origin.x + area.column * (PDCA_FRAME_SIZE.w + PDCA_FRAME_GAP),
    y: origin.y + area.row * (PDCA_FRAME_SIZE.h + PDCA_FRAME_GAP),
    props: { ...PDCA_FRAME_SIZE, name: area.name, color: area.color },
  }))
}

/**
 * Whether this board has ever been laid out: any PDCA frame in the editor or in the
 * document's canvas. Once one exists, frames someone deleted on purpose stay deleted.
 */
export function hasPdcaFrames(editor: Editor, board: BoardContextValue): boolean {
  const canvas = getCanvasKeyValue(board.doc)
  return pdcaAreas.some((area) => {
    const id = pdcaFrameId(area.key)
    return editor.store.has(id) || canvas.has(id)
  })
}

/**
 * Lay out the four frames if the board has none. Not an undoable gesture of this
 * person (it is the template's), so it stays out of the undo history. Returns whether
 * frames were created here.
 */
export function placePdcaFrames(editor: Editor, board: BoardContextValue): boolean {
  if (board.readOnly || editor.getIsReadonly() || hasPdcaFrames(editor, board)) return false
  const frames = pdcaFrameLayout()
  editor.run(() => editor.createShapes(frames), { history: 'ignore' })
  return true
}
