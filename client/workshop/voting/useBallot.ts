import { useEffect, useSyncExternalStore } from 'react'
import type { PublishedRound } from '../../../shared/votingSchemas.ts'
import type { BoardContextValue } from '../../board/BoardContext.tsx'
import { ballotStoreFor, type BallotState, type BallotValues } from './ballotStore.ts'

const NO_ROUND: BallotState = { ready: false, values: {}, saving: false, error: null }

/**
 * My ballot in a round (loaded from the server the first time the round shows up) and a
 * way to change it. `canVote` is false for viewers and once the round is no longer open.
 */
export function useBallot(
  board: Pick<BoardContextValue, 'controlDoc' | 'session'>,
  round: PublishedRound | null,
): {
  ballot: BallotState
  canVote: boolean
  change: (values: BallotValues, cardId: string | null) => void
} {
  const { controlDoc, session } = board
  const store = ballotStoreFor(controlDoc, session)
  const roundId = round?.id ?? null
  const ballot = useSyncExternalStore(store.subscribe, () =>
    roundId ? store.get(roundId) : NO_ROUND,
  )
  useEffect(() => {
    if (round) store.ensureLoaded(round)
  }, [store, round])
  const canVote = !!round && round.status === 'open' && session.role !== 'viewer' && ballot.ready
  return {
    ballot,
    canVote,
    change: (values, cardId) => {
      if (round && canVote) store.change(round, values, cardId)
    },
  }
}
