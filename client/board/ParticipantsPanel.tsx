import { createUserId, useValue, type Editor } from 'tldraw'
import { useBoard, type Role } from './BoardContext.tsx'
import { useAwarenessPeers, type Peer } from './useAwarenessPeers.ts'
import { useCardTitle } from './useCardTitle.ts'

const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Viewer',
}

/**
 * Who is on the board right now: colour, name, role, the card they are typing in, and a
 * Follow button that makes our camera track theirs (tldraw's follow, fed by presence).
 */
export function ParticipantsPanel({ editor }: { editor: Editor | null }) {
  const { awareness } = useBoard()
  const peers = useAwarenessPeers(awareness)
  const followingUserId = useValue(
    'following user',
    () => editor?.getInstanceState().followingUserId ?? null,
    [editor],
  )

  return (
    <section className="cb-people" aria-label="People on this board">
      <ul className="cb-people__list">
        {peers.map((peer) => (
          <ParticipantRow
            key={peer.clientId}
            peer={peer}
            editor={editor}
            isFollowed={followingUserId === createUserId(peer.state.user.id)}
          />
        ))}
      </ul>
      {peers.length <= 1 && <p className="cb-people__empty">Nobody else is here yet.</p>}
    </section>
  )
}

function ParticipantRow(props: { peer: Peer; editor: Editor | null; isFollowed: boolean }) {
  const { peer, editor, isFollowed } = props
  const { doc } = useBoard()
  const { user, editingCardId } = peer.state
  const editingTitle = useCardTitle(doc, editingCardId ?? null)
  const canFollow = !peer.isSelf && !!editor && !!peer.state.viewport

  const toggleFollow = () => {
    if (!editor) return
    if (isFollowed) editor.stopFollowingUser()
    else editor.startFollowingUser(createUserId(user.id))
  }

  return (
    <li className="cb-person" data-participant-id={user.id}>
      <span className="cb-person__color" style={{ background: user.color }} aria-hidden="true" />
      <div className="cb-person__text">
        <span className="cb-person__name">
          {user.name}
          {peer.isSelf && <span className="cb-person__you"> (you)</span>}
        </span>
        <span className="cb-person__meta">
          {ROLE_LABELS[user.role] ?? user.role}
          {editingCardId && (
            <>
              {' · editing '}
              <span className="cb-person__card">“{editingTitle || 'Untitled card'}”</span>
            </>
          )}
        </span>
      </div>
      {!peer.isSelf && (
        <button
          type="button"
          className={`cb-button cb-button--small${isFollowed ? ' cb-button--active' : ''}`}
          onClick={toggleFollow}
          disabled={!canFollow && !isFollowed}
          aria-pressed={isFollowed}
        >
          {isFollowed ? 'Stop following' : 'Follow'}
        </button>
      )}
    </li>
  )
}
