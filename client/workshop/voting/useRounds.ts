import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getRounds } from '../../../shared/controlDoc.ts'
import type { PublishedRound, RoundKind } from '../../../shared/votingSchemas.ts'
import { observedSnapshot, type SnapshotStore } from '../facilitation/observedSnapshot.ts'

function isPublishedRound(value: unknown): value is PublishedRound {
  if (!value || typeof value !== 'object') return false
  const round = value as Partial<PublishedRound>
  return (
    typeof round.id === 'string' &&
    (round.kind === 'dots' || round.kind === 'fist') &&
    typeof round.status === 'string'
  )
}

const stores = new WeakMap<Y.Doc, SnapshotStore<PublishedRound[]>>()

function roundsStore(controlDoc: Y.Doc): SnapshotStore<PublishedRound[]> {
  let store = stores.get(controlDoc)
  if (!store) {
    const rounds = getRounds(controlDoc)
    store = observedSnapshot(rounds, () =>
      [...rounds.values()]
        .filter(isPublishedRound)
        .toSorted((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)),
    )
    stores.set(controlDoc, store)
  }
  return store
}

/**
 * Every voting round the server published into the control document, newest first. The
 * server is the only writer: what is here is what everyone may see (no sealed tally).
 */
export function useRounds(controlDoc: Y.Doc): PublishedRound[] {
  const store = useMemo(() => roundsStore(controlDoc), [controlDoc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The newest round of a kind that names the card (or every card), if any. */
export function latestRoundFor(
  rounds: readonly PublishedRound[],
  kind: RoundKind,
  cardId: string,
): PublishedRound | null {
  return (
    rounds.find(
      (round) => round.kind === kind && (round.cardIds === null || round.cardIds.includes(cardId)),
    ) ?? null
  )
}

/** The newest round of a kind whose tally everyone may see (live, or revealed). */
export function latestVisibleTally(
  rounds: readonly PublishedRound[],
  kind: RoundKind,
): PublishedRound | null {
  return rounds.find((round) => round.kind === kind && round.tally !== null) ?? null
}
