import { useEffect, useState } from 'react'
import { ApiError, getBoard } from '../api.ts'
import { errorForHttpStatus, type BoardError } from './boardErrors.ts'

export interface BoardInfoState {
  title: string | null
  /** The server says this token or board is no good (401/404…): show an error page. */
  error: BoardError | null
}

/**
 * Ask the API for the board once: it gives the title and tells early when the token is
 * no longer valid. Being offline is not an error here: the board still opens from
 * IndexedDB.
 */
export function useBoardInfo(boardId: string, token: string): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ title: null, error: null })
  useEffect(() => {
    let cancelled = false
    getBoard(boardId, token).then(
      (info) => {
        if (!cancelled) setState({ title: info.title, error: null })
      },
      (error: unknown) => {
        if (cancelled || !(error instanceof ApiError)) return
        setState({ title: null, error: errorForHttpStatus(error.status) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token])
  return state
}
