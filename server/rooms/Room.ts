import * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms.ts'
import type { UpdateLog } from '../storage/updateLog.ts'
import { AwarenessRelay } from './AwarenessRelay.ts'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts'

/** One socket's view, as the room sees it. */
export interface RoomConnection {
  readonly id: string
  /** May this connection change the document? (viewers never; participants not in control). */
  readonly canWrite: boolean
  send(message: Uint8Array): void
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessClientIds: Set<number>
}

/**
 * A loaded Yjs document with its connections. Every document update is appended to the
 * update log and sent to every other connection, encoded once. Awareness changes are
 * collected for one tick and sent as one message, so 200 cursors moving cost one
 * message per receiver per tick rather than 200.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new AwarenessRelay()
  readonly connections = new Set<RoomConnection>()
  private awarenessTimer: NodeJS.Timeout | null = null
  /**
   * Sync step 2 for a client that holds nothing yet (empty state vector): the whole
   * document, encoded once and shared by everyone who joins before the next change, so 20
   * people opening a 1,000-card board at once cost one encoding, not 20.
   */
  private fullStateMessage: Uint8Array | null = null

  constructor(
    readonly name: string,
    readonly boardId: string,
    readonly kind: RoomKind,
    readonly log: UpdateLog,
    private readonly awarenessTickMs: number,
  ) {}

  /** Apply what the log recovered, then start persisting and fanning out. */
  restore(updates: Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update)
    }, 'storage')
    // A compacted log is one record holding the whole document: that record already is the
    // sync step 2 for someone holding nothing, so the first joiners need no encoding pass.
    if (updates.length === 1) this.fullStateMessage = encodeSyncStep2(updates[0])
    this.log.setStateProvider(() => Y.encodeStateAsUpdate(this.doc))
    this.doc.on('update', this.onDocUpdate)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullStateMessage = null
    this.log.append(update)
    const message = encodeUpdate(update)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
  }

  private scheduleAwarenessFlush(): void {
    if (!this.awarenessTimer && this.awareness.hasPending) {
      this.awarenessTimer = setTimeout(this.flushAwareness, this.awarenessTickMs)
    }
  }

  private readonly flushAwareness = () => {
    this.awarenessTimer = null
    const update = this.awareness.takePending()
    if (!update) return
    const message = encodeAwareness(update)
    for (const connection of this.connections) connection.send(message)
  }

  /** A new connection: send our state vector (sync step 1) and everyone's awareness. */
  join(connection: RoomConnection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const everyone = this.awareness.snapshot(Date.now())
    if (everyone) connection.send(encodeAwareness(everyone))
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessClientIds.size > 0) {
      this.awareness.remove(connection.awarenessClientIds, Date.now())
      this.scheduleAwarenessFlush()
    }
  }

  /** Answer a client's sync step 1 with what it is missing. */
  answerSyncStep1(connection: RoomConnection, stateVector: Uint8Array): void {
    const holdsNothing = stateVector.length === 1 && stateVector[0] === 0
    if (!holdsNothing) {
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
      return
    }
    this.fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc))
    connection.send(this.fullStateMessage)
  }

  /**
   * A client's document update: applied only if this connection may write (else dropped).
   * It is decoded in full first: Yjs integrates an update's structs before it reads the
   * delete set, so a frame truncated there would change the document and then throw.
   * Decoding first makes a malformed update all-or-nothing.
   */
  applyClientUpdate(connection: RoomConnection, update: Uint8Array): void {
    if (!connection.canWrite) return
    Y.decodeUpdate(update)
    Y.applyUpdate(this.doc, update, connection)
  }

  /**
   * A client's cursor, name or selection. Malformed updates throw having changed nothing
   * (AwarenessRelay decodes all before applying); changes go out with the next tick.
   */
  applyClientAwareness(connection: RoomConnection, update: Uint8Array): void {
    const { added, removed } = this.awareness.apply(update, Date.now())
    for (const id of added) connection.awarenessClientIds.add(id)
    for (const id of removed) connection.awarenessClientIds.delete(id)
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
    this.doc.off('update', this.onDocUpdate)
    this.fullStateMessage = null
    await this.log.close()
    this.doc.destroy()
  }
}
