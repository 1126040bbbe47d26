import { useEffect, useId, type ReactNode, type SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'
// Catchball's styles travel with its components; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './catchball.css'

/** React events from a portal still bubble through the React tree, up to tldraw's canvas. */
const keep = (event: SyntheticEvent) => event.stopPropagation()
const stopAtDialog = {
  onPointerUp: keep,
  onPointerMove: keep,
  onTouchStart: keep,
  onTouchEnd: keep,
  onKeyDown: keep,
  onKeyUp: keep,
  onDoubleClick: keep,
  onWheel: keep,
  onContextMenu: keep,
}

/**
 * A modal for catchball (throw, history). Rendered into document.body: opened from a card,
 * it would otherwise sit inside the canvas' CSS transform (scaled, clipped, and under
 * tldraw's UI). Escape or a click on the backdrop closes it.
 */
export function CatchballDialog(props: {
  title: string
  onClose: () => void
  children: ReactNode
  testId: string
  wide?: boolean
}) {
  const { onClose } = props
  const titleId = useId()

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return createPortal(
    <div
      className="cb-modal cb-ball-modal"
      {...stopAtDialog}
      onPointerDown={(event) => {
        event.stopPropagation()
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        className={`cb-modal__panel cb-ball-dialog${props.wide ? ' cb-ball-dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
      >
        <div className="cb-modal__header">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" className="cb-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>,
    document.body,
  )
}
