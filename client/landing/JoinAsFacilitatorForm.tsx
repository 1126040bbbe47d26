import { useState, type FormEvent } from 'react'
import type { CreatedBoard } from '../api.ts'
import { ShareLinks } from '../board/ShareLinks.tsx'
import { joinAsParticipant } from '../join/joinAsParticipant.ts'
import { FormError, NameField } from '../join/NameField.tsx'
import { loadRememberedName } from '../join/sessionStore.ts'

/** Step 2: show the three links to copy, and join the new board as its facilitator. */
export function JoinAsFacilitatorForm(props: {
  board: CreatedBoard
  onJoined: (boardId: string) => void
}) {
  const { board, onJoined } = props
  const [name, setName] = useState(loadRememberedName)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setMessage('Please enter the name others will see.')
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      await joinAsParticipant(board.id, name.trim(), board.tokens.facilitator)
      onJoined(board.id)
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  return (
    <div className="cb-card cb-card--wide">
      <p className="cb-card__eyebrow">Board created</p>
      <h1 className="cb-card__title">{board.title}</h1>
      <p className="cb-card__text">
        Copy the links now and send them to your group. You can find them again with the Share
        button on the board (in this browser).
      </p>
      <ShareLinks links={board.links} />
      <form className="cb-inline-form" onSubmit={onSubmit}>
        <NameField label="Your name (as facilitator)" value={name} onChange={setName} />
        <button type="submit" className="cb-button cb-button--primary" disabled={busy}>
          {busy ? 'Opening…' : 'Open the board'}
        </button>
      </form>
      <FormError message={message} />
    </div>
  )
}
