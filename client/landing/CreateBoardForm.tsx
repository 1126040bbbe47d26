import { useState, type FormEvent } from 'react'
import { agendaTemplates, boardTemplateIds, type BoardTemplateId } from '../../shared/templates.ts'
import { createBoard, type CreatedBoard } from '../api.ts'
import { FormError } from '../join/NameField.tsx'
import { saveRoleTokens } from '../join/sessionStore.ts'

/** Step 1: name the board, pick a template, create it and keep its three role tokens. */
export function CreateBoardForm({ onCreated }: { onCreated: (board: CreatedBoard) => void }) {
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<BoardTemplateId>('catchball')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) {
      setMessage('Give the board a title, e.g. “Q3 OKRs – Sales”.')
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      const board = await createBoard({ title: title.trim(), template })
      saveRoleTokens(board.id, board.tokens, board.links)
      onCreated(board)
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  return (
    <form className="cb-card" onSubmit={onSubmit}>
      <p className="cb-card__eyebrow">New board</p>
      <h1 className="cb-card__title">Run an OKR workshop</h1>
      <p className="cb-card__text">
        Create a board, share the link, and write objectives and key results together.
      </p>
      <label className="cb-field">
        <span className="cb-field__label">Board title</span>
        <input
          className="cb-input"
          name="title"
          autoFocus
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Q3 OKRs – Sales"
        />
      </label>
      <label className="cb-field">
        <span className="cb-field__label">Template</span>
        <select
          className="cb-input"
          name="template"
          value={template}
          onChange={(event) => setTemplate(event.target.value as BoardTemplateId)}
        >
          {boardTemplateIds.map((id) => (
            <option key={id} value={id}>
              {agendaTemplates[id].label}
            </option>
          ))}
        </select>
      </label>
      <FormError message={message} />
      <div className="cb-card__actions">
        <button type="submit" className="cb-button cb-button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </div>
    </form>
  )
}
