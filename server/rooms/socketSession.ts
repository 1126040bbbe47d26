import type { IncomingMessage } from 'node:http'
import type { WebSocket, RawData } from 'ws'
import { CloseCode, closeReason, type CloseCodeValue } from '../../shared/closeCodes.ts'
import { randomId } from '../../shared/ids.ts'
import { canWriteBoard, canWriteControl } from '../../shared/roles.ts'
import { parseRoomName } from '../../shared/rooms.ts'
import { participantOfToken } from '../auth/access.ts'
import type { Config } from '../config.ts'
import type { Database } from '../storage/database.ts'
import { CorruptLogError } from '../storage/updateLog.ts'
import type { ConnectionRateLimit } from './connectionRateLimit.ts'
import { InboundBudget } from './InboundBudget.ts'
import { PendingOverflowError } from './PendingUpdateLimit.ts'
import { frameWriter } from './frameWriter.ts'
import { decodeClientMessage } from './protocol.ts'
import type { Room, RoomConnection } from './Room.ts'
import type { Logger, RoomManager } from './RoomManager.ts'

export interface SocketDeps {
  config: Config
  db: Database
  rooms: RoomManager
  logger: Logger
  connectionLimit: ConnectionRateLimit
}

/**
 * One WebSocket under /yjs/: authenticate, join the room, speak the y-websocket protocol.
 * The message listener is attached before anything asynchronous, so frames that arrive
 * while the room loads are buffered, not lost. Any failure closes only this socket, with a
 * named code, and is logged with the board and connection id.
 */
export function startSocketSession(
  socket: WebSocket,
  request: IncomingMessage,
  deps: SocketDeps,
): void {
  const connectionId = randomId(10)
  let room: Room | null = null
  let connection: RoomConnection | null = null
  let closed = false
  // Messages wait here, in order: while the room loads (up to MAX_PENDING_FRAMES), and
  // while this socket is over its budget (then reading is paused until it refills).
  const budget = new InboundBudget(inboundRates(deps.config), performance.now())
  const held: Uint8Array[] = []
  let nextHeld = 0
  let admitTimer: NodeJS.Timeout | null = null

  const close = (code: CloseCodeValue, detail?: string) => {
    if (closed) return
    closed = true
    deps.logger.info({ connectionId, room: room?.name, code, detail }, 'closing socket')
    socket.close(code, closeReason[code])
  }

  const handleFrame = (data: Uint8Array) => {
    if (!room || !connection || closed) return
    try {
      const message = decodeClientMessage(data)
      switch (message.type) {
        case 'syncStep1':
          room.answerSyncStep1(connection, message.stateVector)
          break
        case 'syncStep2':
        case 'update':
          room.applyClientUpdate(connection, message.update)
          break
        case 'awareness':
          room.applyClientAwareness(connection, message.update)
          break
        case 'other':
          break // the contract: other message types are ignored
      }
    } catch (err) {
      if (err instanceof PendingOverflowError) {
        deps.logger.warn({ err, connectionId, room: room.name }, 'dropped unplaceable updates')
        return close(CloseCode.Malformed, 'updates build on edits the board never received')
      }
      deps.logger.warn({ err, connectionId, room: room.name }, 'undecodable message')
      close(CloseCode.Malformed, 'undecodable message')
    }
  }

  /** Handle held messages while the budget allows; past it, pause reading until it refills. */
  const admitHeld = () => {
    admitTimer = null
    while (nextHeld < held.length) {
      // Handling a message may have closed the socket (a malformed one, say).
      if (closed) return
      const wait = budget.waitMs(performance.now())
      if (wait > 0) {
        socket.pause()
        admitTimer = setTimeout(admitHeld, wait)
        return
      }
      const data = held[nextHeld++]
      budget.take(data.byteLength)
      handleFrame(data)
    }
    held.length = nextHeld = 0
    if (socket.isPaused && !closed) socket.resume()
  }

  const admit = (data: Uint8Array) => {
    if (held.length === 0 && budget.waitMs(performance.now()) === 0) {
      budget.take(data.byteLength)
      return handleFrame(data)
    }
    // `ws` still delivers the rest of a chunk it has read after a pause: those wait too.
    held.push(data)
    if (admitTimer === null) admitHeld()
  }

  socket.on('message', (raw: RawData) => {
    const data = toUint8Array(raw)
    if (connection) return admit(data)
    held.push(data)
    if (held.length > deps.config.MAX_PENDING_FRAMES)
      close(CloseCode.RateLimited, 'flood before join')
  })
  socket.on('close', () => {
    closed = true
    if (admitTimer !== null) clearTimeout(admitTimer)
    if (room && connection) {
      room.leave(connection)
      deps.rooms.scheduleUnloadIfEmpty(room)
    }
  })
  socket.on('error', (err) => deps.logger.warn({ err, connectionId }, 'socket error'))

  if (!deps.connectionLimit.allow(request.socket.remoteAddress ?? 'unknown')) {
    return close(CloseCode.RateLimited, 'too many connections from this address')
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  const parsed = parseRoomName(url.pathname.replace(/^\/yjs\//, ''))
  if (!parsed.ok) {
    return close(parsed.reason === 'malformed' ? CloseCode.Malformed : CloseCode.NotFound)
  }
  const { boardId, kind } = parsed.room
  if (!deps.db.getBoard(boardId)) return close(CloseCode.NotFound)
  const token = url.searchParams.get('token')
  const participant = token ? participantOfToken(deps.db, boardId, token) : null
  if (!participant) return close(CloseCode.Unauthorized)

  const canWrite =
    kind === 'board' ? canWriteBoard(participant.role) : canWriteControl(participant.role)
  deps.rooms
    .acquire(boardId, kind)
    .then((loaded) => {
      if (closed) return deps.rooms.scheduleUnloadIfEmpty(loaded)
      if (loaded.connections.size >= deps.config.MAX_CONNECTIONS_PER_ROOM) {
        deps.rooms.scheduleUnloadIfEmpty(loaded)
        return close(CloseCode.RateLimited, 'room full')
      }
      room = loaded
      connection = {
        id: connectionId,
        participantId: participant.id,
        canWrite,
        send: frameWriter(socket, request.socket),
        close,
      }
      loaded.join(connection)
      admitHeld()
    })
    .catch((err: unknown) => {
      if (err instanceof CorruptLogError) {
        deps.logger.warn({ err, connectionId, boardId }, 'board refused: corrupt update log')
        return close(CloseCode.Unavailable)
      }
      deps.logger.warn({ err, connectionId, boardId }, 'room failed to load')
      close(CloseCode.Unavailable)
    })
}

function inboundRates(config: Config) {
  return {
    messagesPerSecond: config.WS_MESSAGES_PER_SECOND,
    messageBurst: config.WS_MESSAGE_BURST,
    bytesPerSecond: config.WS_BYTES_PER_SECOND,
    byteBurst: config.WS_BYTE_BURST,
  }
}

function toUint8Array(raw: RawData): Uint8Array {
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw))
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw)
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)
}
