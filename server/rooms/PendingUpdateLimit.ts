import type * as Y from 'yjs'

/**
 * Thrown when a client's update left the board holding more unplaced updates than allowed.
 * What was unplaced has been dropped; the sender is closed.
 */
export class PendingOverflowError extends Error {
  constructor(
    readonly heldUpdates: number,
    readonly heldBytes: number,
  ) {
    super(`updates that build on edits the board never received: ${heldUpdates} (${heldBytes} B)`)
    this.name = 'PendingOverflowError'
  }
}

/** Bytes a document holds pending: structs and deletions whose dependencies it lacks. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}

/**
 * A bound on what Yjs keeps "pending": parts of updates that build on edits the document has
 * not received (a gap in a client's clock, an item next to one it never saw). A stock client
 * only causes that briefly (two people's updates crossing after a server crash) and the gap
 * closes within one sync. A client that invents dependencies is another matter: Yjs keeps
 * its updates forever, merges every new one into all it holds (each costs more than the last,
 * so thousands of tiny frames cost seconds of CPU), and hands all of it to every newcomer
 * and to the compacted log. So a board holds at most `maxUpdates` such updates and
 * `maxBytes`; past either, what it holds is dropped (nobody could see it: it was never
 * placed in the document) and the update's sender is closed.
 */
export class PendingUpdateLimit {
  /** Updates that added to what the document holds pending since it last held none. */
  private held = 0

  constructor(
    private readonly maxUpdates: number,
    private readonly maxBytes: number,
  ) {}

  /** Apply a client's update, within the bound. Throws PendingOverflowError past it. */
  apply(doc: Y.Doc, apply: () => void): void {
    const before = pendingBytes(doc)
    apply()
    const after = pendingBytes(doc)
    if (after === 0) {
      this.held = 0
      return
    }
    // Only an update that added to the pile can be blamed for it (a board restored with
    // some held must not close whoever edits next).
    if (after <= before) return
    this.held++
    if (this.held <= this.maxUpdates && after <= this.maxBytes) return
    const overflow = new PendingOverflowError(this.held, after)
    doc.store.pendingStructs = null
    doc.store.pendingDs = null
    this.held = 0
    throw overflow
  }
}
