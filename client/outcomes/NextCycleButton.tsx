import { useState } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import { startNextCycle } from './startNextCycle.ts'

/**
 * Facilitator only: a new board seeded with this version's OKRs (grades and last
 * confidence included) and open actions, so next quarter's catchball starts from here.
 */
export function NextCycleButton({ version }: { version: number }) {
  const { session } = useBoard()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const start = async () => {
    setBusy(true)
    setError(null)
    try {
      await startNextCycle({
        boardId: session.boardId,
        token: session.token,
        version,
        facilitatorName: session.name,
        title,
      })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <div className="cb-outcomes__next">
      <label className="cb-outcomes__field">
        <span className="cb-outcomes__label">Next cycle board title (optional)</span>
        <input
          className="cb-input"
          data-testid="next-cycle-title"
          maxLength={200}
          value={title}
          placeholder="Same title + “(next cycle)”"
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <button
        type="button"
        className="cb-button"
        data-testid="next-cycle"
        disabled={busy}
        onClick={() => void start()}
      >
        {busy ? 'Creating the board…' : `Start the next cycle from version ${version}`}
      </button>
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
