import { useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardTitle } from '../board/useBoardTitle.ts'
import { exportBoardImage, type ImageFormat } from './exportBoardImage.ts'

/** PNG and SVG of everything on the current page, made in the browser by tldraw. */
export function BoardImageSection({ editor }: { editor: Editor | null }) {
  const { doc } = useBoard()
  const title = useBoardTitle(doc, null)
  const [busy, setBusy] = useState<ImageFormat | null>(null)
  const [error, setError] = useState<string | null>(null)

  const exportImage = async (format: ImageFormat) => {
    if (!editor) return
    setBusy(format)
    setError(null)
    try {
      await exportBoardImage(editor, format, title)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="cb-outcomes__section" aria-labelledby="cb-image-heading">
      <h3 className="cb-outcomes__heading" id="cb-image-heading">
        Image of the board
      </h3>
      <div className="cb-outcomes__buttons">
        {(['png', 'svg'] as const).map((format) => (
          <ImageButton
            key={format}
            editor={editor}
            format={format}
            busy={busy}
            onExport={(chosen) => void exportImage(chosen)}
          />
        ))}
      </div>
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

function ImageButton(props: {
  editor: Editor | null
  format: ImageFormat
  busy: ImageFormat | null
  onExport: (format: ImageFormat) => void
}) {
  const { editor, format, busy, onExport } = props
  const isEmpty = useValue(
    'page is empty',
    () => !editor || editor.getCurrentPageShapeIds().size === 0,
    [editor],
  )
  return (
    <button
      type="button"
      className="cb-button cb-button--small"
      data-testid={`download-${format}`}
      title={
        isEmpty ? 'Nothing on the board yet' : `Everything on this page as ${format.toUpperCase()}`
      }
      disabled={isEmpty || busy !== null}
      onClick={() => onExport(format)}
    >
      {busy === format ? '…' : format.toUpperCase()}
    </button>
  )
}
