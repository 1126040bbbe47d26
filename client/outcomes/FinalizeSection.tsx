import { useMemo, useState } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import { useAllCards } from '../cards/useCardTree.ts'
import { finalizeOutcome, type FinalizeResult } from './outcomesApi.ts'

/**
 * Facilitator only: freeze the agreed OKRs into a new immutable version, with an optional
 * note, and show what was stored: version, hash, how many objectives, and the cards the
 * server left out because they failed validation (never dropped silently).
 */
export function FinalizeSection({ onFinalized }: { onFinalized: (version: number) => void }) {
  const { doc, session } = useBoard()
  const cards = useAllCards(doc)
  const agreed = useMemo(
    () => cards.filter((card) => card.kind === 'objective' && card.status === 'agreed').length,
    [cards],
  )
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<FinalizeResult | null>(null)

  const finalize = async () => {
    setBusy(true)
    setError(null)
    try {
      const finalized = await finalizeOutcome(session.boardId, session.token, note)
      setResult(finalized)
      setNote('')
      onFinalized(finalized.version)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="cb-outcomes__section" aria-labelledby="cb-finalize-heading">
      <h3 className="cb-outcomes__heading" id="cb-finalize-heading">
        Finalize
      </h3>
      <p className="cb-outcomes__text">
        {agreed === 0
          ? 'No objective is agreed yet: a version now would hold no OKRs.'
          : `${agreed} agreed objective${agreed === 1 ? '' : 's'} will be frozen into a new version.`}
      </p>
      <label className="cb-outcomes__field">
        <span className="cb-outcomes__label">Note (optional)</span>
        <textarea
          className="cb-input cb-outcomes__note"
          data-testid="finalize-note"
          rows={2}
          maxLength={2000}
          value={note}
          placeholder="e.g. End of day one"
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <button
        type="button"
        className="cb-button cb-button--primary"
        data-testid="finalize-button"
        disabled={busy}
        onClick={() => void finalize()}
      >
        {busy ? 'Finalizing…' : 'Finalize'}
      </button>
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <FinalizeResultView
          result={result}
          titleOf={(id) => cards.find((card) => card.id === id)?.title ?? ''}
        />
      )}
    </section>
  )
}

function FinalizeResultView(props: { result: FinalizeResult; titleOf: (id: string) => string }) {
  const { result, titleOf } = props
  const objectives = result.outcome.objectives.length
  return (
    <div className="cb-outcomes__result" role="status" data-testid="finalize-result">
      <p>
        <strong>Version {result.version}</strong> saved with {objectives} objective
        {objectives === 1 ? '' : 's'}.
      </p>
      <p className="cb-outcomes__hash" title={result.hash}>
        {result.hash}
      </p>
      {result.invalidCards.length > 0 && (
        <div className="cb-outcomes__invalid" data-testid="finalize-invalid-cards">
          <p>
            {result.invalidCards.length} card{result.invalidCards.length === 1 ? ' was' : 's were'}{' '}
            left out because {result.invalidCards.length === 1 ? 'it fails' : 'they fail'}{' '}
            validation:
          </p>
          <ul>
            {result.invalidCards.map((card) => (
              <li key={card.id}>
                <strong>{titleOf(card.id) || 'Untitled card'}</strong> (<code>{card.id}</code>):{' '}
                {card.problems.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
