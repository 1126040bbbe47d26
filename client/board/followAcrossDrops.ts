import type { Editor, TLUserId } from 'tldraw'

/**
 * How long after someone's presence went we still follow them again when it comes back: the
 * awareness timeout of stock clients, after which a peer counts as gone anyway.
 */
export const RESUME_FOLLOWING_WITHIN_MS = 30_000

/**
 * Keep following someone through a dropped connection. tldraw stops following the moment the
 * person's presence is gone, and a network blip on their side does exactly that. If the same
 * person (their user, so a reload counts too) is back within RESUME_FOLLOWING_WITHIN_MS and
 * we have not started following anyone else meanwhile, we follow them again.
 *
 * Returns what to call after each change of presence records, with whom we followed just
 * before it.
 */
export function followAcrossDrops(
  editor: Editor,
): (followedBefore: TLUserId | null, now?: number) => void {
  let lost: { userId: TLUserId; until: number } | null = null
  const isPresent = (userId: TLUserId) =>
    editor.getCollaborators().some((presence) => presence.userId === userId)

  return (followedBefore, now = Date.now()) => {
    if (followedBefore && !isPresent(followedBefore)) {
      lost = { userId: followedBefore, until: now + RESUME_FOLLOWING_WITHIN_MS }
    } else if (lost && (now > lost.until || editor.getInstanceState().followingUserId)) {
      lost = null
    } else if (lost && isPresent(lost.userId)) {
      const { userId } = lost
      lost = null
      editor.startFollowingUser(userId)
    }
  }
}
