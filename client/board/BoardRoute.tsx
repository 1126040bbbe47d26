import { useState } from 'react'
import { JoinPage } from '../join/JoinPage.tsx'
import { clearJoinHash, readJoinToken } from '../join/joinLink.ts'
import { forgetSession, isKnownRoleToken, loadSession } from '../join/sessionStore.ts'
import type { Session } from './BoardContext.tsx'
import { BoardPage } from './BoardPage.tsx'
import { ErrorScreen } from './ErrorScreen.tsx'

/**
 * `/b/:id`. A browser that joined this board before goes straight in; a share link it has
 * not used yet (`#join=…`) shows the join form; with neither there is nothing to open.
 */
export function BoardRoute({ boardId }: { boardId: string }) {
  const [joinToken] = useState(() => readJoinToken())
  const [stored, setStored] = useState(() => loadSession(boardId))
  const [session, setSession] = useState<Session | null>(() => {
    if (!stored) return null
    if (joinToken && !isKnownRoleToken(boardId, joinToken)) return null
    if (joinToken) clearJoinHash()
    return stored
  })

  if (session) {
    return (
      <BoardPage
        key={session.token}
        session={session}
        onForgetSession={() => {
          forgetSession(boardId)
          setStored(null)
          setSession(null)
        }}
      />
    )
  }
  if (joinToken) {
    return (
      <JoinPage
        boardId={boardId}
        roleToken={joinToken}
        previousSession={stored}
        onJoined={setSession}
      />
    )
  }
  return (
    <ErrorScreen
      title="You need an invitation link"
      message="Open the link the facilitator shared with you (it ends with #join=…)."
    />
  )
}
