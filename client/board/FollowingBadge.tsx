import { useValue, type Editor } from 'tldraw'

/** "Following Alice · Stop", while our camera tracks someone. */
export function FollowingBadge({ editor }: { editor: Editor | null }) {
  const followed = useValue(
    'followed user',
    () => {
      const userId = editor?.getInstanceState().followingUserId
      if (!editor || !userId) return null
      return editor.getCollaborators().find((presence) => presence.userId === userId) ?? null
    },
    [editor],
  )
  if (!editor || !followed) return null
  return (
    <span className="cb-following" style={{ borderColor: followed.color }}>
      Following {followed.userName}
      <button type="button" className="cb-link-button" onClick={() => editor.stopFollowingUser()}>
        Stop
      </button>
    </span>
  )
}
