import { useCallback, useEffect, useState } from 'react'
import { listOutcomeVersions, type OutcomeVersionSummary } from './outcomesApi.ts'

export interface OutcomeVersionsState {
  versions: OutcomeVersionSummary[]
  loading: boolean
  error: string | null
  reload: () => void
}

interface Loaded {
  /** Which request this answers: a newer request makes the state "loading" again. */
  request: string
  versions: OutcomeVersionSummary[]
  error: string | null
}

/**
 * The board's outcome versions, fetched on open and again whenever `latest` (the control
 * document's finalized version) moves, so a finalize by anyone shows up here.
 */
export function useOutcomeVersions(
  boardId: string,
  token: string,
  latest: number | null,
): OutcomeVersionsState {
  const [attempt, setAttempt] = useState(0)
  const request = `${boardId}|${latest ?? 0}|${attempt}`
  const [loaded, setLoaded] = useState<Loaded>({ request: '', versions: [], error: null })

  useEffect(() => {
    let cancelled = false
    listOutcomeVersions(boardId, token).then(
      (versions) => {
        if (!cancelled) setLoaded({ request, versions, error: null })
      },
      (failure: unknown) => {
        if (cancelled) return
        const error = failure instanceof Error ? failure.message : String(failure)
        // Keep the list we had: a failed refresh should not empty the panel.
        setLoaded((previous) => ({ request, versions: previous.versions, error }))
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, request])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return {
    versions: loaded.versions,
    loading: loaded.request !== request,
    error: loaded.error,
    reload,
  }
}
