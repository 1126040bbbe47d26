import * as Y from 'yjs'
import { encodeSyncStep2, encodeUpdate } from './protocol.ts'

/** The messages for a newcomer, in the order they are sent. */
export type NewcomerMessages = readonly [Uint8Array] | readonly [Uint8Array, Uint8Array]

/**
 * What a client that holds nothing (an empty state vector) is sent when it joins: the whole
 * document as it was at some moment, as sync step 2, preceded by one update message that
 * carries every change since, merged. A browser opening the board downloads that whole
 * state alone over HTTP, and its socket's sync then brings the changes since.
 *
 * Why: encoding a 1,000-card board takes 30-50 ms of the event loop, and a board in use
 * changes between one joiner and the next, so a whole state made for the last joiner was
 * stale for the next one and had to be made again. Merging the changes since is a few
 * milliseconds (the changes are small), and the whole state is reused as it is.
 *
 * Why the changes go first: a stock y-websocket client reports itself synced on sync step 2,
 * and the board page writes tldraw's default records then, so the board must be complete
 * when step 2 has been applied. Applied first, to an empty document, the changes wait in
 * Yjs's pending structs and delete set for what they build on; step 2 brings it, and Yjs
 * integrates what waited in the same transaction. (Clients already get updates before their
 * step 2 when someone edits while they join.)
 *
 * Once the changes grow past a share of the whole state, both are dropped and the next
 * newcomer gets a fresh encoding: merging more would cost as much, and a board nobody joins
 * must not collect its whole history here.
 */
export class NewcomerState {
  private wholeState: WholeState | null = null
  private changes: Uint8Array[] = []
  private changesBytes = 0
  private changesMessage: Uint8Array | null = null

  /** @param maxChangesShare past this share of the whole state's size, start again. */
  constructor(private readonly maxChangesShare = 1 / 32) {}

  /** `update` is the whole document now (a compacted log's record, or a fresh encoding). */
  reset(update: Uint8Array): void {
    this.clear()
    const message = encodeSyncStep2(update)
    // The update is the message's payload, its last bytes: a view, not a second copy.
    this.wholeState = { message, update: message.subarray(message.byteLength - update.byteLength) }
  }

  /** Every change to the document after `reset`, in the order they happened. */
  noteChange(update: Uint8Array): void {
    if (!this.wholeState) return
    this.changes.push(update)
    this.changesBytes += update.byteLength
    this.changesMessage = null
    if (this.changesBytes > this.wholeState.update.byteLength * this.maxChangesShare) this.clear()
  }

  /**
   * The whole state as one update: the document as it is, or as it was before the changes
   * since (fewer than `maxChangesShare` of it). The same object until it is made again;
   * `encodeWhole` makes it when there is none.
   */
  whole(encodeWhole: () => Uint8Array): Uint8Array {
    return this.wholeOr(encodeWhole).update
  }

  /** The messages for a newcomer; `encodeWhole` makes the whole state when there is none. */
  messages(encodeWhole: () => Uint8Array): NewcomerMessages {
    const whole = this.wholeOr(encodeWhole).message
    if (this.changes.length === 0) return [whole]
    if (!this.changesMessage) {
      // Merged once per change, not per newcomer; the merge replaces the list it came from.
      const merged = this.changes.length === 1 ? this.changes[0] : Y.mergeUpdates(this.changes)
      this.changes = [merged]
      this.changesBytes = merged.byteLength
      this.changesMessage = encodeUpdate(merged)
    }
    return [this.changesMessage, whole]
  }

  clear(): void {
    this.wholeState = null
    this.changes = []
    this.changesBytes = 0
    this.changesMessage = null
  }

  private wholeOr(encodeWhole: () => Uint8Array): WholeState {
    if (!this.wholeState) this.reset(encodeWhole())
    return this.wholeState as WholeState
  }
}

interface WholeState {
  /** Sync step 2 carrying `update`. */
  message: Uint8Array
  update: Uint8Array
}
