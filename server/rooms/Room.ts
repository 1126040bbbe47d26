import * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import type { RoomKind } from '../../shared/rooms.ts'
import type { UpdateLog } from '../storage/updateLog.ts'
import {
  assertAwarenessDecodes,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.ts'

/** One socket's view, as the room sees it. */
export interface RoomConnection {
  readonly id: string
  /** May this connection change the document? (viewers never; participants not in control). */
  readonly canWrite: boolean
  send(message: Uint8Array): void
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessClientIds: Set<number>
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * A loaded Yjs document with its connections. Every document update is appended to the
 * update log and sent to every other connection, encoded once. Awareness changes are
 * collected for one tick and sent as one message, so 200 cursors moving cost one
 * message per receiver per tick rather than 200.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly connections = new Set<RoomConnection>()
  private readonly pendingAwareness = new Set<number>()
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
  ) {
    // The server itself has no cursor.
    this.awareness.setLocalState(null)
  }

  /** Apply what the log recovered, then start persisting and fanning out. */
  restore(updates: Uint8Array[]): void {
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update)
    }, 'storage')
    this.log.setStateProvider(() => Y.encodeStateAsUpdate(this.doc))
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullStateMessage = null
    this.log.append(update)
    const message = encodeUpdate(update)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown) => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    if (origin && this.connections.has(origin as RoomConnection)) {
      const ids = (origin as RoomConnection).awarenessClientIds
      for (const id of change.added) ids.add(id)
      for (const id of change.removed) ids.delete(id)
    }
    for (const id of changed) this.pendingAwareness.add(id)
    if (!this.awarenessTimer) {
      this.awarenessTimer = setTimeout(this.flushAwareness, this.awarenessTickMs)
    }
  }

  private readonly flushAwareness = () => {
    this.awarenessTimer = null
    if (this.pendingAwareness.size === 0) return
    const message = encodeAwareness(
      encodeAwarenessUpdate(this.awareness, [...this.pendingAwareness]),
    )
    this.pendingAwareness.clear()
    for (const connection of this.connections) connection.send(message)
  }

  /** A new connection: send our state vector (sync step 1) and everyone's awareness. */
  join(connection: RoomConnection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) {
      connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clients)))
    }
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessClientIds.size > 0) {
      removeAwarenessStates(this.awareness, [...connection.awarenessClientIds], null)
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

  /** Decoded in full first, for the same all-or-nothing reason as document updates. */
  applyClientAwareness(connection: RoomConnection, update: Uint8Array): void {
    assertAwarenessDecodes(update)
    applyAwarenessUpdate(this.awareness, update, connection)
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
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.fullStateMessage = null
    await this.log.close()
    this.doc.destroy()
  }
}
