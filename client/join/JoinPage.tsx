import { useEffect, useState, type FormEvent } from 'react'
import { ApiError, getBoard } from '../api.ts'
import type { Session } from '../board/BoardContext.tsx'
import { errorForHttpStatus, type BoardError } from '../board/boardErrors.ts'
import { ErrorScreen } from '../board/ErrorScreen.tsx'
import { joinAsParticipant } from './joinAsParticipant.ts'
import { FormError, NameField } from './NameField.tsx'
import { clearJoinHash } from './joinLink.ts'
import { loadRememberedName } from './sessionStore.ts'

/**
 * Reached from a share link (`#join=<role token>`): ask for a display name, join, and hand
 * the new Session to the board. A browser that already joined this board may continue as
 * before instead.
 */
export function JoinPage(props: {
  boardId: string
  roleToken: string
  previousSession: Session | null
  onJoined: (session: Session) => void
}) {
  const { boardId, roleToken, previousSession, onJoined } = props
  const [name, setName] = useState(() => previousSession?.name ?? loadRememberedName())
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [boardTitle, setBoardTitle] = useState<string | null>(null)
  const [fatal, setFatal] = useState<BoardError | null>(null)

  // The role token can read the board's title; a bad link is reported before typing a name.
  useEffect(() => {
    let cancelled = false
    getBoard(boardId, roleToken).then(
      (info) => !cancelled && setBoardTitle(info.title),
      (error: unknown) => {
        if (!cancelled && error instanceof ApiError) setFatal(errorForHttpStatus(error.status))
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, roleToken])

  const finish = (session: Session) => {
    clearJoinHash()
    onJoined(session)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setMessage('Please enter the name others will see.')
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      finish(await joinAsParticipant(boardId, trimmed, roleToken))
    } catch (error) {
      const known = error instanceof ApiError ? errorForHttpStatus(error.status) : null
      if (known) setFatal(known)
      else setMessage(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  if (fatal) return <ErrorScreen title={fatal.title} message={fatal.message} />

  return (
    <main className="cb-screen">
      <form className="cb-card" onSubmit={onSubmit}>
        <p className="cb-card__eyebrow">Join the board</p>
        <h1 className="cb-card__title">{boardTitle ?? 'Catchball board'}</h1>
        <NameField
          label="Your name"
          value={name}
          onChange={setName}
          placeholder="e.g. Aiko from Sales"
        />
        <FormError message={message} />
        <div className="cb-card__actions">
          <button type="submit" className="cb-button cb-button--primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
          {previousSession && (
            <button type="button" className="cb-button" onClick={() => finish(previousSession)}>
              Continue as {previousSession.name}
            </button>
          )}
        </div>
      </form>
    </main>
  )
}
