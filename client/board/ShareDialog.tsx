import { useEffect, useMemo } from 'react'
import { loadShareLinks } from '../join/sessionStore.ts'
import { ShareLinks } from './ShareLinks.tsx'

/** The facilitator's "Share" dialog: the three role links kept in this browser. */
export function ShareDialog(props: { boardId: string; onClose: () => void }) {
  const { boardId, onClose } = props
  const links = useMemo(() => loadShareLinks(boardId), [boardId])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <div className="cb-modal" onPointerDown={onClose}>
      <div
        className="cb-modal__panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cb-share-title"
        onPointerDown={(event) => event.stopPropagation()}
      >
        <div className="cb-modal__header">
          <h2 id="cb-share-title">Invite people</h2>
          <button type="button" className="cb-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <p className="cb-modal__text">
          Anyone with a link joins with that role. Each person picks their own name.
        </p>
        <ShareLinks links={links} />
      </div>
    </div>
  )
}
