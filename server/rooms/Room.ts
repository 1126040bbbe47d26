import * as Y from 'yjs'
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes.ts'
import type { RoomKind } from '../../shared/rooms.ts'
import type { UpdateLog } from '../storage/updateLog.ts'
import type { AwarenessPace } from './AwarenessPace.ts'
import { CompressedStateCache, type StateEncoding } from './stateDownload.ts'
import { NewcomerState } from './NewcomerState.ts'
import { PendingOverflowError, type PendingUpdateLimit } from './PendingUpdateLimit.ts'
import { AwarenessRelay, type AwarenessSender } from './AwarenessRelay.ts'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts'

/** One socket's view, as the room sees it. */
export interface RoomConnection extends AwarenessSender {
  readonly id: string
  /** May this connection change the document? (viewers never; participants not in control). */
  readonly canWrite: boolean
  /** Send a message, or two in this order in one write to the socket. */
  send(first: Uint8Array, second?: Uint8Array): void
  /** Close this socket with a named code. */
  close(code: CloseCodeValue, detail: string): void
}

/**
 * A loaded Yjs document with its connections. Every document update is appended to the
 * update log and sent to every other connection, encoded once. Awareness changes are
 * collected for one tick (its length set by the process's AwarenessPace) and sent as one
 * message, so 200 cursors moving cost one message per receiver per tick rather than 200.
 * A document update takes the awareness changes waiting for the tick along in the same
 * write, so an edit never waits for a cursor and a receiver costs one write, not two.
 */
export class Room {
  readonly awareness = new AwarenessRelay()
  readonly connections = new Set<RoomConnection>()
  private readonly ydoc = new Y.Doc()
  private awarenessTimer: NodeJS.Timeout | null = null
  /**
   * What a client that holds nothing yet (empty state vector) is sent: a whole state encoded
   * once and the changes since, so 20 people opening a 1,000-card board at once cost one
   * encoding, not 20, and people joining a board in use do not cost one each.
   */
  private readonly newcomers = new NewcomerState()
  /** The whole document compressed for newcomers' downloads. */
  private readonly downloads = new CompressedStateCache()
  /**
   * A compacted log's single record, not applied yet. Applying a 1,000-card board takes
   * tens of milliseconds, and the people who opened it need only that record (it already
   * is their sync step 2), so they get it first; the document is built right after, or as
   * soon as anything needs it.
   */
  private unapplied: Uint8Array | null = null
  private applyLater: NodeJS.Immediate | null = null
  /** Why the restored record could not be applied; the room is dead from then on. */
  private failure: unknown = null
  private restoreFailed: ((err: unknown) => void) | null = null
  /** Joined before the document was built: they get its state vector (sync step 1) then. */
  private readonly awaitingStep1 = new Set<RoomConnection>()

  constructor(
    readonly name: string,
    readonly boardId: string,
    readonly kind: RoomKind,
    readonly log: UpdateLog,
    private readonly awarenessPace: AwarenessPace,
    private readonly pendingLimit: PendingUpdateLimit,
  ) {}

  /** The board's document, built from the log first if it has not been yet. */
  get doc(): Y.Doc {
    this.applyRestoredRecord()
    if (this.failure) throw this.failure
    return this.ydoc
  }

  /**
   * Take what the log recovered, then start persisting and fanning out. `onFailure` hears
   * of a record that cannot be applied when that happens after this returns (then every
   * connection has been closed with 4423).
   */
  restore(updates: Uint8Array[], onFailure: (err: unknown) => void): void {
    if (updates.length !== 1) return this.startLive(updates)
    // A compacted log is one record holding the whole document: that record already is
    // the sync step 2 for someone holding nothing, so the first joiners need no encoding
    // pass, and need not wait for the document to be built either. (Its checksum matched,
    // and the server only ever logs updates it decoded, so applying it is not expected to
    // fail; if it does, the room closes rather than serve half a board.)
    this.newcomers.reset(updates[0])
    this.unapplied = updates[0]
    this.restoreFailed = onFailure
    this.applyLater = setImmediate(() => {
      try {
        this.applyRestoredRecord()
      } catch {
        // Reported through onFailure.
      }
    })
  }

  private applyRestoredRecord(): void {
    if (!this.unapplied) return
    const record = this.unapplied
    this.unapplied = null
    if (this.applyLater) clearImmediate(this.applyLater)
    this.applyLater = null
    try {
      this.startLive([record])
    } catch (err) {
      this.failure = err
      this.newcomers.clear()
      this.downloads.clear()
      for (const connection of this.connections) {
        connection.close(CloseCode.Unavailable, 'stored board could not be applied')
      }
      this.restoreFailed?.(err)
      throw err
    }
    const stateVector = encodeSyncStep1(Y.encodeStateVector(this.ydoc))
    for (const connection of this.awaitingStep1) connection.send(stateVector)
    this.awaitingStep1.clear()
  }

  private startLive(updates: Uint8Array[]): void {
    this.ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.ydoc, update)
    }, 'storage')
    this.log.setStateProvider(() => Y.encodeStateAsUpdate(this.ydoc))
    this.ydoc.on('update', this.onDocUpdate)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.newcomers.noteChange(update)
    this.log.append(update)
    const message = encodeUpdate(update)
    const awareness = this.takeAwarenessMessage()
    for (const connection of this.connections) {
      if (connection === origin) {
        if (awareness) connection.send(awareness)
      } else if (awareness) connection.send(message, awareness)
      else connection.send(message)
    }
  }

  private scheduleAwarenessFlush(): void {
    if (!this.awarenessTimer && this.awareness.hasPending) {
      const tickMs = this.awarenessPace.tickMs(Date.now())
      this.awarenessTimer = setTimeout(this.flushAwareness, tickMs)
    }
  }

  private readonly flushAwareness = () => {
    this.awarenessTimer = null
    const message = this.takeAwarenessMessage()
    if (!message) return
    for (const connection of this.connections) connection.send(message)
  }

  /** The awareness changes held for the next tick as one message (the tick is then moot). */
  private takeAwarenessMessage(): Uint8Array | null {
    const update = this.awareness.takePending()
    if (!update) return null
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awarenessTimer = null
    this.awarenessPace.noteFlush(this, this.connections.size, Date.now())
    return encodeAwareness(update)
  }

  /**
   * The whole document as one update for a newcomer who downloads it over HTTP before
   * connecting: the one made for newcomers, which may lack the latest changes (the socket's
   * sync brings them). A board read back from a compacted log need not even be built.
   */
  wholeState(): Uint8Array {
    return this.newcomers.whole(this.encodeWhole)
  }

  /** The same, compressed (see CompressedStateCache for how often). */
  compressedState(encoding: StateEncoding): Promise<Buffer> {
    return this.downloads.get(encoding, Date.now(), () => this.wholeState())
  }

  private readonly encodeWhole = () => Y.encodeStateAsUpdate(this.doc)

  /** A new connection: send our state vector (sync step 1) and everyone's awareness. */
  join(connection: RoomConnection): void {
    this.connections.add(connection)
    if (this.unapplied) this.awaitingStep1.add(connection)
    else connection.send(encodeSyncStep1(Y.encodeStateVector(this.ydoc)))
    const everyone = this.awareness.snapshot(Date.now())
    if (everyone) connection.send(encodeAwareness(everyone))
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return
    this.awaitingStep1.delete(connection)
    this.awareness.removeSentBy(connection, Date.now())
    this.scheduleAwarenessFlush()
  }

  /** Answer a client's sync step 1 with what it is missing. */
  answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): void {
    const holdsNothing = stateVector.length === 1 && stateVector[0] === 0
    if (!holdsNothing) {
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
      return
    }
    const [first, second] = this.newcomers.messages(this.encodeWhole)
    connection.send(first, second)
  }

  /**
   * A client's document update: applied only if this connection may write (else dropped).
   * It is decoded in full first: Yjs integrates an update's structs before it reads the
   * delete set, so a frame truncated there would change the document and then throw.
   * Decoding first makes a malformed update all-or-nothing. What builds on edits the board
   * never received is held only within the pending limit (PendingOverflowError past it).
   * Yjs encodes what it holds unplaced into a whole state, so the states kept for newcomers
   * go with it when it is dropped.
   */
  applyClientUpdate(connection: RoomConnection, update: Uint8Array): void {
    if (!connection.canWrite) return
    Y.decodeUpdate(update)
    const doc = this.doc
    try {
      this.pendingLimit.apply(doc, () => Y.applyUpdate(doc, update, connection))
    } catch (err) {
      if (err instanceof PendingOverflowError) {
        this.newcomers.clear()
        this.downloads.clear()
      }
      throw err
    }
  }

  /**
   * A client's cursor, name or selection. Malformed updates throw having changed nothing
   * (AwarenessRelay decodes all before applying); changes go out with the next tick.
   */
  applyClientAwareness(connection: RoomConnection, update: Uint8Array): void {
    this.awareness.apply(update, Date.now(), connection)
    this.scheduleAwarenessFlush()
  }

  /** A change made by the server itself (ballot tallies, finalized version…). */
  transactAsServer(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), 'server')
  }

  /** Flush the log and free every timer. The room is unusable afterwards. */
  async close(): Promise<void> {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awarenessTimer = null
    if (this.applyLater) clearImmediate(this.applyLater)
    this.applyLater = null
    this.unapplied = null
    this.awaitingStep1.clear()
    this.ydoc.off('update', this.onDocUpdate)
    this.newcomers.clear()
    this.downloads.clear()
    await this.log.close()
    this.ydoc.destroy()
  }
}
