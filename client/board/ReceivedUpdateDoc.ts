import * as Y from 'yjs'

type UpdateListener = (
  update: Uint8Array,
  origin: unknown,
  doc: Y.Doc,
  transaction: Y.Transaction,
) => void
/** A document event's name (Yjs does not export its event map by name). */
type EventName = Parameters<Y.Doc['on']>[0]
type Listener = (...args: never[]) => void

/**
 * A Y.Doc that can apply an update it received and hand its `update` listeners the bytes as
 * they came, instead of letting Yjs encode the change again for them.
 *
 * Yjs re-encodes every transaction for `update` listeners (y-websocket's, which sends local
 * edits, and y-indexeddb's, which keeps the local copy). For the sync step 2 of a 1,000-card
 * board that second encoding was 28 % of applying it in a Chrome trace, on the main thread
 * while the board opens, and it only rebuilds what we already hold: the received message is
 * itself an update that carries the change (and perhaps parts already known, which applying
 * again ignores). So while such an update is applied, the listeners are taken off the
 * document (Yjs encodes only when someone listens) and afterwards each gets the received bytes.
 *
 * The listeners are tracked through `on`/`off`, the document's public API, so nothing here
 * depends on how y-websocket or y-indexeddb name theirs.
 */
export class ReceivedUpdateDoc extends Y.Doc {
  private readonly updateListeners = new Set<UpdateListener>()
  /** Holds in force: while there is one, `update` listeners stay off the document. */
  private holds = 0

  override on<F extends Listener>(name: EventName, f: F): F {
    if (name === 'update') this.updateListeners.add(f as unknown as UpdateListener)
    if (name !== 'update' || this.holds === 0) super.on(name, f as never)
    return f
  }

  override off<F extends Listener>(name: EventName, f: F): void {
    if (name === 'update') this.updateListeners.delete(f as unknown as UpdateListener)
    super.off(name, f as never)
  }

  /**
   * Apply `update` as `Y.applyUpdate(this, update, origin)` would, then call each `update`
   * listener with `update` itself if the document changed. Throws what applying throws; the
   * listeners are attached again either way, and hear of nothing then.
   *
   * While the document holds updates that arrived before what they build on (Yjs's pending
   * structs or deletions), `update` may be what they waited for: Yjs then integrates them in
   * the same transaction, and `update` alone would not carry that change. Then the listeners
   * get Yjs's own encoding of the transaction instead.
   */
  applyReceived(update: Uint8Array, origin: unknown): void {
    const waiting = this.store.pendingStructs !== null || this.store.pendingDs !== null
    let heard = update
    const encodedByYjs = (encoded: Uint8Array) => {
      heard = encoded
    }
    const release = this.holdUpdateListeners()
    if (waiting) super.on('update', encodedByYjs)
    let transaction: Y.Transaction
    try {
      transaction = this.transact((tr) => {
        Y.applyUpdate(this, update, origin)
        return tr
      }, origin)
    } finally {
      if (waiting) super.off('update', encodedByYjs)
      release()
    }
    if (!madeChanges(transaction)) return
    // A copy, as Yjs's emit takes: a listener subscribing another must not call it now.
    for (const listener of Array.from(this.updateListeners)) {
      listener(heard, origin, this, transaction)
    }
  }

  /**
   * Take the `update` listeners off the document until the returned function is called:
   * what changes meanwhile is neither encoded for them nor heard by them. For the page
   * restoring the board from IndexedDB before its sockets connect: the only listeners then
   * are y-indexeddb's, which ignores its own restore, and y-websocket's, which would encode
   * the whole board only to find it has no socket to send it on.
   */
  holdUpdateListeners(): () => void {
    if (this.holds++ === 0) {
      for (const listener of this.updateListeners) super.off('update', listener)
    }
    let released = false
    return () => {
      if (released) return
      released = true
      if (--this.holds === 0) {
        for (const listener of this.updateListeners) super.on('update', listener)
      }
    }
  }
}

/** Yjs's own test for emitting an update: something deleted, or some client's clock moved. */
function madeChanges(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true
  }
  return false
}
