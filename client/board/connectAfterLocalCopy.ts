import { readJson, writeJson } from '../join/localStore.ts'

/** What this needs of a y-websocket provider and of a y-indexeddb persistence. */
interface Connectable {
  connect(): void
}
interface HoldsUpdateListeners {
  holdUpdateListeners(): () => void
}
interface LocalCopy {
  /** y-indexeddb's database name: one per document. */
  name: string
  whenSynced: Promise<unknown>
}

/**
 * Connect `provider` once `local` (the document's IndexedDB copy) has loaded into `doc`, or
 * after `waitMs` if it has not by then; at once when this browser has never held a copy of
 * the document. Until then `doc`'s `update` listeners are held off, so the restore is not
 * encoded for a provider that has no socket to send it on.
 *
 * Why: a connected y-websocket provider sends the server every document update that is not
 * its own, and y-indexeddb restoring the board is one. Connected first, a returning visitor
 * sent the whole board back up on every reload (828 KB for 1,000 cards, in each of
 * browserJoin's reloads), and, its state vector still empty when it synced, was sent the
 * whole board by the server as well. Loaded first, the provider's sync step 1 carries what
 * the copy holds, so the server sends only what is missing, and the server's own sync step
 * 1 gets back only what the server lacks (edits made offline).
 *
 * A first visit has nothing to restore, and waiting for its empty database delayed the
 * first socket by 100-280 ms on a cold browser: so whether a copy exists is remembered in
 * localStorage (cleared with the
 * site's other data) once one has loaded, and without that mark the provider
 * connects at once. IndexedDB can also be slow or unavailable (a blocked or failing store
 * never loads): after `waitMs` the provider connects anyway, and a copy that loads later
 * goes up as before. On a first visit, `firstVisit` (if given) runs before connecting: the
 * board page downloads the whole document over HTTP then (downloadBoardDocument.ts), so the
 * socket's sync carries only what changed since. Returns a function that cancels a
 * connection not made yet and puts the listeners back.
 */
export function connectAfterLocalCopy(
  provider: Connectable,
  doc: HoldsUpdateListeners,
  local: LocalCopy,
  waitMs: number,
  firstVisit?: () => Promise<unknown>,
): () => void {
  const mark = `catchball-local-copy:${local.name}`
  // Unreadable storage counts as a first visit.
  const known = readJson(mark) !== null
  const release = doc.holdUpdateListeners()
  let waiting = true
  const connect = () => {
    if (!waiting) return
    waiting = false
    clearTimeout(timer)
    release()
    provider.connect()
  }
  const timer = known ? setTimeout(connect, waitMs) : undefined
  // Only a known copy is waited for: a first visit's empty database opening must not
  // connect the socket before `firstVisit` is done.
  const connectIfKnown = () => known && connect()
  void local.whenSynced.then(() => {
    writeJson(mark, 1)
    connectIfKnown()
  }, connectIfKnown)
  // A first visit connects at once, or once `firstVisit` has loaded the document another
  // way (whether it did or not).
  if (!known) {
    if (firstVisit)
      void firstVisit()
        .catch(() => undefined)
        .finally(connect)
    else connect()
  }
  return () => {
    waiting = false
    clearTimeout(timer)
    release()
  }
}
