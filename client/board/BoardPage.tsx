import { useEffect } from 'react'
import { sampleServerClockIfDue } from '../workshop/facilitation/serverClock.ts'
import type { Session } from './BoardContext.tsx'
import { errorForCloseCode, WORKSPACE_NOT_LOADED, type BoardError } from './boardErrors.ts'
import { ErrorScreen, LoadingScreen } from './ErrorScreen.tsx'
import { StatusPill } from './StatusPill.tsx'
import { useBoardConnection } from './useBoardConnection.ts'
import { useBoardInfo } from './useBoardInfo.ts'
import { useConnectionState } from './useConnectionState.ts'
import { useWorkspaceModule } from './useWorkspaceModule.ts'

/**
 * A board for a joined browser: opens both documents, waits until the board document is
 * ready (server sync, or IndexedDB when offline), and shows an error page, never a blank
 * one, when the server refuses the board.
 */
export function BoardPage(props: { session: Session; onForgetSession: () => void }) {
  const { session, onForgetSession } = props
  const connection = useBoardConnection(session.boardId, session.token)
  const { status, fatal, boardReady } = useConnectionState(connection)
  const info = useBoardInfo(session.boardId, session.token)
  const workspace = useWorkspaceModule()
  // The shared timer is read on the server's clock: ask for it while the sockets connect.
  useEffect(() => sampleServerClockIfDue(), [])

  const error = fatal
    ? errorForCloseCode(fatal.code)
    : (info.error ?? (workspace.failed ? WORKSPACE_NOT_LOADED : null))
  if (error) return <BoardErrorScreen error={error} onForgetSession={onForgetSession} />

  const loading = (
    <LoadingScreen message="Opening the board…">
      <StatusPill status={status} />
    </LoadingScreen>
  )
  if (!connection || !boardReady || !workspace.module) return loading

  const { BoardWorkspace } = workspace.module
  return (
    <BoardWorkspace
      session={session}
      connection={connection}
      status={status}
      apiTitle={info.title}
    />
  )
}

function BoardErrorScreen(props: { error: BoardError; onForgetSession: () => void }) {
  const { error, onForgetSession } = props
  return (
    <ErrorScreen title={error.title} message={error.message}>
      {error.retryable && (
        <button
          type="button"
          className="cb-button cb-button--primary"
          onClick={() => window.location.reload()}
        >
          Try again
        </button>
      )}
      {error.staleSession && (
        <button type="button" className="cb-button" onClick={onForgetSession}>
          Use a different link
        </button>
      )}
    </ErrorScreen>
  )
}
