import type * as Y from 'yjs'
import { ApiError } from '../../api.ts'
import type { BallotContent, PublishedRound } from '../../../shared/votingSchemas.ts'
import { getRoundDetails, putBallot } from './roundsApi.ts'

/** card id → dots (dots round) or 0..5 (fist round). */
export type BallotValues = Record<string, number>

export interface BallotState {
  /** My ballot as the server has it was loaded: until then the UI must not change it. */
  ready: boolean
  /** What the UI shows: the server's ballot plus changes on their way (optimistic). */
  values: BallotValues
  saving: boolean
  error: { message: string; cardId: string | null } | null
}

const EMPTY: BallotState = { ready: false, values: {}, saving: false, error: null }

interface Entry {
  kind: PublishedRound['kind']
  state: BallotState
  /** The server's copy: what we roll back to when a change is refused. */
  confirmed: BallotValues
  loading: boolean
  failedLoad: boolean
  /** Changes made so far: a load that saw fewer is older than what is on screen. */
  changes: number
}

function valuesOf(content: BallotContent | null): BallotValues {
  if (!content) return {}
  return { ...('allocations' in content ? content.allocations : content.answers) }
}

function sameValues(a: BallotValues, b: BallotValues): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** What a refused change means to the person who made it. */
export function ballotErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Not counted: something went wrong. Try again.'
  if (error.status === 0) return 'Not counted: cannot reach the server. Try again when online.'
  if (error.status === 409) return 'Not counted: this round is closed.'
  if (error.status === 403) return 'Not counted: you cannot vote on this board.'
  if (error.status === 422) return `Not counted: ${error.message}`
  return `Not counted: ${error.message}`
}

/**
 * This person's ballots, one per round, shared by every card and the Vote panel. A change
 * shows at once (optimistic), is sent as the whole ballot (`PUT …/ballot` replaces it), and
 * is rolled back with a clear message when the server refuses it. One request per round is
 * in flight at a time; clicks made meanwhile are sent together afterwards.
 */
export class BallotStore {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly boardId: string,
    private readonly token: string,
    private readonly canVote: boolean,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) this.watchConnection(true)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.watchConnection(false)
    }
  }

  private readonly onBackOnline = () => {
    if (document.visibilityState === 'visible') this.reloadIdle()
  }

  /** Coming back online (or to the tab) may mean we missed changes: reload idle ballots. */
  private watchConnection(on: boolean): void {
    if (typeof window === 'undefined') return
    const method = on ? 'addEventListener' : 'removeEventListener'
    window[method]('online', this.onBackOnline)
    document[method]('visibilitychange', this.onBackOnline)
  }

  get(roundId: string): BallotState {
    return this.entries.get(roundId)?.state ?? EMPTY
  }

  /** Fetch my ballot for a round the first time it shows up (no-op for viewers). */
  ensureLoaded(round: PublishedRound): void {
    if (!this.canVote) return
    const entry = this.entry(round)
    if (entry.state.ready || entry.loading) return
    void this.load(round.id, entry)
  }

  /** After a reconnect: my ballot may have changed elsewhere (another tab) or been lost. */
  reloadIdle(): void {
    for (const [roundId, entry] of this.entries) {
      if (entry.loading || entry.state.saving) continue
      if (
        !entry.state.ready ||
        entry.failedLoad ||
        sameValues(entry.state.values, entry.confirmed)
      ) {
        void this.load(roundId, entry)
      }
    }
  }

  /** Replace my ballot with `values` (the UI computed it within the round's rules). */
  change(round: PublishedRound, values: BallotValues, cardId: string | null): void {
    const entry = this.entry(round)
    if (!entry.state.ready) return
    entry.changes++
    this.update(entry, { values, error: null })
    void this.flush(round.id, entry, cardId)
  }

  private entry(round: PublishedRound): Entry {
    let entry = this.entries.get(round.id)
    if (!entry) {
      entry = {
        kind: round.kind,
        state: EMPTY,
        confirmed: {},
        loading: false,
        failedLoad: false,
        changes: 0,
      }
      this.entries.set(round.id, entry)
    }
    return entry
  }

  private async load(roundId: string, entry: Entry): Promise<void> {
    entry.loading = true
    const changesBefore = entry.changes
    try {
      const details = await getRoundDetails(this.token, this.boardId, roundId)
      entry.failedLoad = false
      // Clicks made while loading win over what we fetched, even when their request has
      // already been answered (then the fetched ballot is older than the confirmed one).
      if (entry.state.saving || entry.changes !== changesBefore) return
      entry.confirmed = valuesOf(details.myBallot)
      this.update(entry, { ready: true, values: entry.confirmed })
    } catch {
      entry.failedLoad = true
    } finally {
      entry.loading = false
    }
  }

  private async flush(roundId: string, entry: Entry, cardId: string | null): Promise<void> {
    if (entry.state.saving) return
    const sending = entry.state.values
    if (sameValues(sending, entry.confirmed)) return
    this.update(entry, { saving: true })
    const body: BallotContent =
      entry.kind === 'dots' ? { allocations: sending } : { answers: sending }
    try {
      await putBallot(this.token, this.boardId, roundId, body)
      entry.confirmed = sending
      this.update(entry, { saving: false })
      // More clicks arrived while this one was on its way: send the newest ballot.
      if (!sameValues(entry.state.values, sending)) void this.flush(roundId, entry, cardId)
    } catch (error) {
      this.update(entry, {
        saving: false,
        values: entry.confirmed,
        error: { message: ballotErrorMessage(error), cardId },
      })
    }
  }

  private update(entry: Entry, patch: Partial<BallotState>): void {
    entry.state = { ...entry.state, ...patch }
    for (const listener of this.listeners) listener()
  }
}

const stores = new WeakMap<Y.Doc, BallotStore>()

/** The one ballot store of a board page (keyed by its control document). */
export function ballotStoreFor(
  controlDoc: Y.Doc,
  session: { boardId: string; token: string; role: string },
): BallotStore {
  let store = stores.get(controlDoc)
  if (!store) {
    store = new BallotStore(session.boardId, session.token, session.role !== 'viewer')
    stores.set(controlDoc, store)
  }
  return store
}
