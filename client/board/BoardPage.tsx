import type { Session } from './BoardContext.tsx'
import { errorForCloseCode, type BoardError } from './boardErrors.ts'
import { BoardWorkspace } from './BoardWorkspace.tsx'
import { ErrorScreen, LoadingScreen } from './ErrorScreen.tsx'
import { StatusPill } from './StatusPill.tsx'
import { useBoardConnection } from './useBoardConnection.ts'
import { useBoardInfo } from './useBoardInfo.ts'
import { useConnectionState } from './useConnectionState.ts'

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

  const error = fatal ? errorForCloseCode(fatal.code) : info.error
  if (error) return <BoardErrorScreen error={error} onForgetSession={onForgetSession} />

  if (!connection || !boardReady) {
    return (
      <LoadingScreen message="Opening the board…">
        <StatusPill status={status} />
      </LoadingScreen>
    )
  }

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
