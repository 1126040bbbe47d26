import type { Editor, TLUserId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import {
  followAcrossDrops,
  RESUME_FOLLOWING_WITHIN_MS,
} from '../../client/board/followAcrossDrops.ts'

/**
 * The part of tldraw's editor the rule reads: who is present and whom we follow. Like
 * tldraw, it stops following someone the moment their presence is gone.
 */
function fakeEditor() {
  const present = new Set<string>()
  let following: string | null = null
  const editor = {
    getCollaborators: () => [...present].map((userId) => ({ userId })),
    getInstanceState: () => ({ followingUserId: following }),
    startFollowingUser: (userId: string) => {
      following = userId
    },
  }
  const followAgain = followAcrossDrops(editor as unknown as Editor)
  /** Presence records change the way mirrorPeerPresence changes them. */
  const change = (apply: () => void, now: number) => {
    const followed = following as TLUserId | null
    apply()
    if (following && !present.has(following)) following = null
    followAgain(followed, now)
  }
  return {
    arrives: (userId: string, now: number) => change(() => present.add(userId), now),
    leaves: (userId: string, now: number) => change(() => present.delete(userId), now),
    follow: (userId: string) => editor.startFollowingUser(userId),
    following: () => following,
  }
}

describe('following through a dropped connection', () => {
  it('follows the same person again when they are back within the awareness timeout', () => {
    const board = fakeEditor()
    board.arrives('user:paul', 0)
    board.follow('user:paul')
    board.leaves('user:paul', 1_000)
    expect(board.following()).toBeNull()
    board.arrives('user:vera', 2_000)
    expect(board.following()).toBeNull()
    board.arrives('user:paul', 3_000)
    expect(board.following()).toBe('user:paul')
  })

  it('not once that timeout has passed: they count as gone', () => {
    const board = fakeEditor()
    board.arrives('user:paul', 0)
    board.follow('user:paul')
    board.leaves('user:paul', 1_000)
    board.arrives('user:paul', 1_000 + RESUME_FOLLOWING_WITHIN_MS + 1)
    expect(board.following()).toBeNull()
  })

  it('not when we have started following someone else meanwhile', () => {
    const board = fakeEditor()
    board.arrives('user:paul', 0)
    board.arrives('user:vera', 0)
    board.follow('user:paul')
    board.leaves('user:paul', 1_000)
    board.follow('user:vera')
    board.arrives('user:paul', 2_000)
    expect(board.following()).toBe('user:vera')
  })

  it('never starts following anyone we were not following', () => {
    const board = fakeEditor()
    board.arrives('user:paul', 0)
    board.leaves('user:paul', 1_000)
    board.arrives('user:paul', 2_000)
    expect(board.following()).toBeNull()
  })
})
