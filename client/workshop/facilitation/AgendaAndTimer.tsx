import type { Editor } from 'tldraw'
import { useBoard } from '../../board/BoardContext.tsx'
import { LockedShapesOverlay } from './LockedShapesOverlay.tsx'
import { PhaseIndicator } from './PhaseIndicator.tsx'
import { SharedTimer } from './SharedTimer.tsx'
import { WorkshopBanners } from './WorkshopBanners.tsx'
// The workshop's styles travel with its header strip, which every board page shows.
// oxlint-disable-next-line import/no-unassigned-import
import '../workshop.css'

/**
 * The workshop strip in the board header, for everyone: the current phase and what to do,
 * the shared timer, and banners (following the facilitator, private writing). Only the
 * facilitator gets controls. It also hosts the lock badges drawn over the canvas, since it
 * is the one workshop component mounted for the whole life of the editor.
 */
export function AgendaAndTimer(props: { editor: Editor | null }) {
  const { controlDoc, session } = useBoard()
  const canControl = session.role === 'facilitator'
  return (
    <div className="cb-workshop-bar" data-testid="workshop-bar">
      <PhaseIndicator controlDoc={controlDoc} canControl={canControl} />
      <SharedTimer controlDoc={controlDoc} canControl={canControl} />
      <WorkshopBanners />
      {props.editor && <LockedShapesOverlay editor={props.editor} controlDoc={controlDoc} />}
    </div>
  )
}
