import { useState, type FormEvent } from 'react'
import type { Editor } from 'tldraw'
import type { OpenRoundBody, RoundKind } from '../../../shared/votingSchemas.ts'
import { useBoard } from '../../board/BoardContext.tsx'
import { selectedCards } from '../../shapes/selectedCards.ts'
import { serverNow } from '../facilitation/serverClock.ts'
import { parseMinutes } from '../facilitation/timerLogic.ts'
import { cardIdsForChoice, eligibleChoiceLabel, type EligibleChoice } from './eligibleCards.ts'
import { openRound } from './roundsApi.ts'
import type { CardLabels } from './useCardLabels.ts'

const DOTS_CHOICES: EligibleChoice[] = ['all', 'objectives', 'keyResults', 'selected']
const FIST_CHOICES: EligibleChoice[] = ['selected', 'objectives']

/**
 * The facilitator's form to open a round: dots (budget, cap per card, eligible cards,
 * sealed or live, anonymous or named, optional end) or fist of five on chosen cards.
 */
export function OpenRoundForm(props: {
  editor: Editor | null
  labels: CardLabels
  onOpened: () => void
}) {
  const board = useBoard()
  const [kind, setKind] = useState<RoundKind>('dots')
  const [votesPerPerson, setVotesPerPerson] = useState(5)
  const [maxPerCard, setMaxPerCard] = useState(3)
  const [dotsChoice, setDotsChoice] = useState<EligibleChoice>('objectives')
  const [fistChoice, setFistChoice] = useState<EligibleChoice>('selected')
  const [sealed, setSealed] = useState(true)
  const [anonymous, setAnonymous] = useState(false)
  const [endMinutes, setEndMinutes] = useState('')
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const choice = kind === 'dots' ? dotsChoice : fistChoice
    const selectedIds = props.editor ? selectedCards(props.editor, board).map((c) => c.cardId) : []
    const eligible = cardIdsForChoice(choice, props.labels.cards, selectedIds)
    if ('error' in eligible) return setError(eligible.error)
    const endMs = endMinutes.trim() ? parseMinutes(endMinutes) : null
    if (endMinutes.trim() && endMs === null) return setError('End: give a number of minutes.')
    const body: OpenRoundBody = {
      kind,
      sealed,
      anonymous,
      ...(kind === 'dots'
        ? { votesPerPerson, maxPerCard: Math.min(maxPerCard, votesPerPerson) }
        : {}),
      ...(eligible.cardIds ? { cardIds: eligible.cardIds } : {}),
      ...(endMs ? { endsAt: new Date(serverNow() + endMs).toISOString() } : {}),
      ...(title.trim() ? { title: title.trim().slice(0, 200) } : {}),
    }
    setBusy(true)
    try {
      await openRound(board.session.token, board.session.boardId, body)
      props.onOpened()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not open the round.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="cb-round-form" onSubmit={(event) => void submit(event)} aria-label="New round">
      <div className="cb-segmented" role="radiogroup" aria-label="Kind of round">
        {(['dots', 'fist'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={kind === option}
            data-testid={`round-kind-${option}`}
            className="cb-segmented__option"
            onClick={() => setKind(option)}
          >
            {option === 'dots' ? 'Dot voting' : 'Fist of five'}
          </button>
        ))}
      </div>
      <label className="cb-workshop-label">
        Title
        <input
          className="cb-input cb-input--small"
          data-testid="round-title"
          value={title}
          maxLength={200}
          placeholder={kind === 'dots' ? 'Dot voting' : 'Fist of five'}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      {kind === 'dots' && (
        <div className="cb-workshop-row">
          <NumberField
            label="Dots each"
            testId="round-votes-per-person"
            value={votesPerPerson}
            onChange={setVotesPerPerson}
          />
          <NumberField
            label="Max per card"
            testId="round-max-per-card"
            value={maxPerCard}
            onChange={setMaxPerCard}
          />
        </div>
      )}
      <label className="cb-workshop-label">
        Cards
        <select
          className="cb-input cb-input--small"
          data-testid="round-eligible"
          value={kind === 'dots' ? dotsChoice : fistChoice}
          onChange={(event) => {
            const value = event.currentTarget.value as EligibleChoice
            if (kind === 'dots') setDotsChoice(value)
            else setFistChoice(value)
          }}
        >
          {(kind === 'dots' ? DOTS_CHOICES : FIST_CHOICES).map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'objectives' && kind === 'fist'
                ? 'All objectives'
                : eligibleChoiceLabel[choice]}
            </option>
          ))}
        </select>
      </label>
      <div className="cb-workshop-row">
        <label className="cb-check">
          <input
            type="checkbox"
            data-testid="round-sealed"
            checked={sealed}
            onChange={(event) => setSealed(event.currentTarget.checked)}
          />
          Sealed until reveal
        </label>
        <label className="cb-check">
          <input
            type="checkbox"
            data-testid="round-anonymous"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.currentTarget.checked)}
          />
          Anonymous
        </label>
      </div>
      <label className="cb-workshop-label">
        Ends after (minutes, optional)
        <input
          className="cb-input cb-input--small"
          data-testid="round-end-minutes"
          inputMode="decimal"
          value={endMinutes}
          placeholder="no end: close it yourself"
          onChange={(event) => setEndMinutes(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p className="cb-workshop-error" role="alert" data-testid="round-form-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="cb-button cb-button--primary"
        data-testid={kind === 'dots' ? 'round-open-dots' : 'round-open-fist'}
        disabled={busy}
      >
        {kind === 'dots' ? 'Open dot voting' : 'Open fist of five'}
      </button>
    </form>
  )
}

function NumberField(props: {
  label: string
  testId: string
  value: number
  onChange: (value: number) => void
}) {
  return (
    <label className="cb-workshop-label">
      {props.label}
      <input
        type="number"
        className="cb-input cb-input--small cb-input--number"
        data-testid={props.testId}
        min={1}
        max={100}
        value={props.value}
        onChange={(event) => {
          const value = Math.round(Number(event.currentTarget.value))
          if (Number.isFinite(value)) props.onChange(Math.min(100, Math.max(1, value)))
        }}
      />
    </label>
  )
}
