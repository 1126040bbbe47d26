import { useEffect, useState } from 'react'
import type { Outcome } from '../../shared/outcomes/outcomeSchema.ts'
import { fetchOutcome } from './outcomesApi.ts'

/** Versions never change once written, so each is fetched once per page. */
const cache = new Map<string, Promise<Outcome>>()

export function loadOutcome(boardId: string, token: string, version: number): Promise<Outcome> {
  const key = `${boardId}:${version}`
  let pending = cache.get(key)
  if (!pending) {
    pending = fetchOutcome(boardId, token, version)
    // A failure (offline) is not cached: the next look tries again.
    pending.catch(() => cache.delete(key))
    cache.set(key, pending)
  }
  return pending
}

export interface OutcomeState {
  outcome: Outcome | null
  error: string | null
}

/** One version's outcome set (null while loading or when no version is given). */
export function useOutcome(boardId: string, token: string, version: number | null): OutcomeState {
  const [state, setState] = useState<OutcomeState & { version: number | null }>({
    outcome: null,
    error: null,
    version: null,
  })
  useEffect(() => {
    if (version === null) return
    let cancelled = false
    loadOutcome(boardId, token, version).then(
      (outcome) => {
        if (!cancelled) setState({ outcome, error: null, version })
      },
      (failure: unknown) => {
        if (!cancelled)
          setState({
            outcome: null,
            error: failure instanceof Error ? failure.message : String(failure),
            version,
          })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, version])
  // A state left over from the previous version is not shown for the new one.
  return state.version === version && version !== null
    ? { outcome: state.outcome, error: state.error }
    : { outcome: null, error: null }
}
