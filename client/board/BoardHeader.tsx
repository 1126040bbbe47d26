import type { Editor } from 'tldraw'
import type { Role } from './BoardContext.tsx'
import { WorkshopBar } from '../workshop/WorkshopBar.tsx'
import { FollowingBadge } from './FollowingBadge.tsx'
import { StatusPill } from './StatusPill.tsx'
import type { ConnectionStatus } from './useConnectionState.ts'

const ROLE_CHIPS: Record<Role, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'View only',
}

export function BoardHeader(props: {
  title: string
  role: Role
  name: string
  status: ConnectionStatus
  editor: Editor | null
  panelOpen: boolean
  onTogglePanel: () => void
  onShare: (() => void) | null
}) {
  return (
    <header className="cb-header">
      <a className="cb-header__brand" href="/" title="Catchball start page">
        Catchball
      </a>
      <h1 className="cb-header__title" title={props.title}>
        {props.title}
      </h1>
      <StatusPill status={props.status} />
      <FollowingBadge editor={props.editor} />
      <WorkshopBar editor={props.editor} />
      <span className="cb-header__spacer" />
      <span className={`cb-chip cb-chip--${props.role}`} title={`You are ${props.name}`}>
        {props.name} · {ROLE_CHIPS[props.role]}
      </span>
      {props.onShare && (
        <button type="button" className="cb-button cb-button--primary" onClick={props.onShare}>
          Share
        </button>
      )}
      <button
        type="button"
        className="cb-button"
        aria-pressed={props.panelOpen}
        onClick={props.onTogglePanel}
      >
        {props.panelOpen ? 'Hide panel' : 'Outline & people'}
      </button>
    </header>
  )
}
