import {
  atom,
  createTLCurrentUser,
  createUserId,
  UserRecordType,
  type TLCurrentUser,
  type TLUserPreferences,
  type TLUserStore,
} from 'tldraw'
import { readJson, writeJson } from '../join/localStore.ts'
import type { Session } from './BoardContext.tsx'

/**
 * Who we are, told to tldraw. Identity (id, name, colour) always comes from the Session, so
 * tldraw's user id is the participant id: presence records, "follow" and attribution all
 * use the same id as the participant list. Other preferences (dark mode, snapping…) the
 * person may change in tldraw's menu are kept in localStorage for every board.
 */
const PREFERENCES_KEY = 'catchball:tldraw-preferences'

type StoredPreferences = Omit<TLUserPreferences, 'id' | 'name' | 'color'>

export interface SessionUser {
  /** For the `user` prop of <Tldraw>. */
  user: TLCurrentUser
  /** For createTLStore: stamps attribution with our participant id. */
  users: TLUserStore
}

export function createSessionUser(session: Session): SessionUser {
  const identity = { id: session.participantId, name: session.name, color: session.color }
  const preferences = atom<TLUserPreferences>('catchball user preferences', {
    ...readJson<StoredPreferences>(PREFERENCES_KEY),
    ...identity,
  })

  const user = createTLCurrentUser({
    userPreferences: preferences,
    setUserPreferences(next) {
      const { id: _id, name: _name, color: _color, ...rest } = next
      preferences.set({ ...rest, ...identity })
      writeJson(PREFERENCES_KEY, rest)
    },
  })

  const currentUser = atom(
    'catchball current user',
    UserRecordType.create({
      id: createUserId(session.participantId),
      name: session.name,
      color: session.color,
    }),
  )

  return { user, users: { currentUser } }
}
