import { useState, type FormEvent } from 'react'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { useCard } from '../../cards/useCard.ts'
import { useAllCards } from '../../cards/useCardTree.ts'
import {
  currentRound,
  holderOf,
  sameTeam,
  statusForRound,
  throwCard,
  whyCardCannotBeThrown,
} from '../../../shared/catchball.ts'
import { CatchballDialog } from './CatchballDialog.tsx'
import { knownTeams } from './teamBalls.ts'
import { useCatchballLog } from './useCatchballData.ts'

const MESSAGE_MAX = 2000

/**
 * "Throw" a card to another team or level: pick or type the receiver, say what you ask of
 * them, and the card changes hands in one transaction (see throwCard). Settled cards and
 * viewers get the reason instead of a form.
 */
export function ThrowDialog(props: {
  board: BoardContextValue
  cardId: string
  onClose: () => void
}) {
  const { board, cardId, onClose } = props
  const { doc, session, readOnly } = board
  const card = useCard(doc, cardId)
  const log = useCatchballLog(doc)
  const cards = useAllCards(doc)
  const [to, setTo] = useState('')
  const [from, setFrom] = useState('')
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)

  const blocked = !card
    ? 'This card has been removed.'
    : readOnly
      ? 'You are viewing this board: only participants and the facilitator throw cards.'
      : whyCardCannotBeThrown(card)
  const holder = card ? holderOf(card) : ''
  const nextRound = currentRound(log, cardId) + 1
  const suggestions = knownTeams(cards, log).filter((team) => !holder || !sameTeam(team, holder))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const result = throwCard(doc, { cardId, to, message, from, by: session.name })
    if (result.ok) onClose()
    else setError(result.reason)
  }

  return (
    <CatchballDialog title="Throw the ball" onClose={onClose} testId="throw-dialog">
      <p className="cb-modal__text cb-ball-dialog__card">
        {card?.title.trim() || 'Untitled card'}
        {holder && <span className="cb-ball-muted"> · held by {holder}</span>}
      </p>
      {blocked ? (
        <p className="cb-ball-notice" role="status" data-testid="throw-blocked">
          {blocked}
        </p>
      ) : (
        <form className="cb-ball-form" onSubmit={onSubmit}>
          {!holder && (
            <label className="cb-field">
              <span className="cb-field__label">From (your team or level)</span>
              <input
                className="cb-input"
                data-testid="throw-from"
                value={from}
                maxLength={200}
                required
                onChange={(event) => setFrom(event.currentTarget.value)}
              />
            </label>
          )}
          <label className="cb-field">
            <span className="cb-field__label">Throw to</span>
            <input
              className="cb-input"
              data-testid="throw-target"
              placeholder="A team or level, e.g. Leadership"
              value={to}
              maxLength={200}
              required
              autoFocus
              onChange={(event) => setTo(event.currentTarget.value)}
            />
          </label>
          {suggestions.length > 0 && (
            <div className="cb-ball-chips" aria-label="Teams on this board">
              {suggestions.map((team) => (
                <button
                  key={team}
                  type="button"
                  className={`cb-ball-chip${sameTeam(team, to) ? ' cb-ball-chip--selected' : ''}`}
                  data-testid={`throw-team-${team}`}
                  aria-pressed={sameTeam(team, to)}
                  onClick={() => setTo(team)}
                >
                  {team}
                </button>
              ))}
            </div>
          )}
          <label className="cb-field">
            <span className="cb-field__label">Message</span>
            <textarea
              className="cb-input cb-ball-form__message"
              data-testid="throw-message"
              placeholder="What should they look at? What do you need back?"
              rows={3}
              value={message}
              maxLength={MESSAGE_MAX}
              required
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
          </label>
          <p className="cb-ball-muted">
            Starts round {nextRound}: the card becomes <strong>{statusForRound(nextRound)}</strong>{' '}
            and its title and notes are kept as they are now, for the history.
          </p>
          {error && (
            <p className="cb-card__error" role="alert">
              {error}
            </p>
          )}
          <div className="cb-ball-form__actions">
            <button type="button" className="cb-button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="cb-button cb-button--primary"
              data-testid="throw-submit"
              disabled={!to.trim() || !message.trim()}
            >
              Throw to {to.trim() || '…'}
            </button>
          </div>
        </form>
      )}
    </CatchballDialog>
  )
}
