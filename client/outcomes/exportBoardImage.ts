import type { Editor } from 'tldraw'
import { showEveryShapeNow } from '../board/openBigBoardGradually.ts'
import { boardImageFileName } from './fileNames.ts'
import { saveBlob } from './saveBlob.ts'

export type ImageFormat = 'png' | 'svg'

/**
 * An image of the whole board: every shape on the current page, through tldraw's own
 * export (`editor.toImage`), with the background so it reads on any wiki page. Cards are
 * drawn by their ShapeUtil's `toSvg`. The live canvas keeps its watermark; an export is
 * a separate image and never touches it.
 */
export async function exportBoardImage(
  editor: Editor,
  format: ImageFormat,
  boardTitle: string,
): Promise<void> {
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) throw new Error('The board is empty: there is nothing to export yet.')
  // Right after a big board opens, the shapes out of view may still be waiting their turn.
  showEveryShapeNow(editor)
  const { blob } = await editor.toImage(ids, {
    format,
    background: true,
    padding: 32,
    // Crisp on high-density screens without huge files for large boards.
    pixelRatio: format === 'png' ? 2 : undefined,
  })
  saveBlob(blob, boardImageFileName(boardTitle, format))
}
