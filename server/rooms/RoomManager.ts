import { join } from 'node:path'
import { roomName, type RoomKind } from '../../shared/rooms.ts'
import type { Config } from '../config.ts'
import { CorruptLogError, UpdateLog } from '../storage/updateLog.ts'
import { AwarenessPace } from './AwarenessPace.ts'
import { PendingUpdateLimit } from './PendingUpdateLimit.ts'
import { Room } from './Room.ts'

/** The part of Fastify's logger the rooms use. */
export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/**
 * Loads rooms on first use, shares one Room per name, and unloads a room a while after its
 * last connection leaves (flushing its log first). Loading and unloading are serialized
 * per room, so a client arriving while the room is being unloaded waits and gets a fresh
 * load of what was just flushed.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly closing = new Map<string, Promise<void>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Rooms whose stored record could not be applied: refused until the server restarts. */
  private readonly broken = new Map<string, CorruptLogError>()
  /** One cursor pace for every room: the send budget is the process's, not a board's. */
  readonly awarenessPace: AwarenessPace

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    this.awarenessPace = new AwarenessPace(
      config.AWARENESS_TICK_MS,
      Math.max(config.AWARENESS_TICK_MS, config.AWARENESS_TICK_MAX_MS),
      config.AWARENESS_SENDS_PER_SECOND,
    )
  }

  /** The path of a room's update log. */
  logPath(boardId: string, kind: RoomKind): string {
    return join(this.config.DATA_DIR, 'logs', `${boardId}.${kind}.ylog`)
  }

  get loadedRoomCount(): number {
    return this.rooms.size
  }

  get pendingTimerCount(): number {
    return this.unloadTimers.size
  }

  loaded(boardId: string, kind: RoomKind): Room | undefined {
    return this.rooms.get(roomName(boardId, kind))
  }

  /** The loaded room, loading it from its log if needed. Throws CorruptLogError. */
  async acquire(boardId: string, kind: RoomKind): Promise<Room> {
    const name = roomName(boardId, kind)
    this.cancelUnload(name)
    const existing = this.rooms.get(name)
    if (existing) return existing
    const inFlight = this.loading.get(name)
    if (inFlight) return inFlight
    const load = this.load(boardId, kind).finally(() => this.loading.delete(name))
    this.loading.set(name, load)
    return load
  }

  private async load(boardId: string, kind: RoomKind): Promise<Room> {
    const name = roomName(boardId, kind)
    await this.closing.get(name)
    const broken = this.broken.get(name)
    if (broken) throw broken
    const { log, updates, report } = await UpdateLog.open(this.logPath(boardId, kind), {
      flushIntervalMs: this.config.LOG_FLUSH_INTERVAL_MS,
      compactAfterBytes: this.config.LOG_COMPACT_AFTER_BYTES,
      compactAfterRecords: this.config.LOG_COMPACT_AFTER_RECORDS,
      fsync: this.config.LOG_FSYNC,
      onError: (err) => this.logger.error({ err, room: name }, 'update log write failed'),
    })
    if (report.tornTailBytes > 0) {
      this.logger.warn(
        { room: name, tornTailBytes: report.tornTailBytes, backup: report.backupPath },
        'skipped a torn record at the end of the update log',
      )
    }
    const pendingLimit = new PendingUpdateLimit(
      this.config.MAX_PENDING_UPDATES,
      this.config.MAX_PENDING_BYTES,
    )
    const room = new Room(name, boardId, kind, log, this.awarenessPace, pendingLimit)
    room.restore(updates, (err) => this.restoreFailed(room, err))
    this.rooms.set(name, room)
    this.scheduleUnloadIfEmpty(room)
    return room
  }

  /**
   * A room's compacted record checked out but Yjs could not apply it (its connections are
   * closed already). Unload the room without touching its log, and refuse it from now on
   * like a corrupt log, so nobody is served half a board.
   */
  private restoreFailed(room: Room, err: unknown): void {
    this.logger.error({ err, room: room.name }, 'stored board could not be applied')
    const reason = err instanceof Error ? err.message : String(err)
    this.broken.set(
      room.name,
      new CorruptLogError(room.log.path, `record not applicable: ${reason}`),
    )
    if (this.rooms.get(room.name) === room) void this.unload(room)
  }

  /** Run a server-side change on a room (loading it if needed); it unloads later if idle. */
  async change(boardId: string, kind: RoomKind, fn: (room: Room) => void): Promise<void> {
    const room = await this.acquire(boardId, kind)
    fn(room)
    this.scheduleUnloadIfEmpty(room)
  }

  /** Called when a connection leaves: unload after a grace period if nobody is left. */
  scheduleUnloadIfEmpty(room: Room): void {
    if (room.connections.size > 0 || this.unloadTimers.has(room.name)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name)
      if (room.connections.size === 0 && this.rooms.get(room.name) === room) void this.unload(room)
    }, this.config.ROOM_UNLOAD_DELAY_MS)
    timer.unref()
    this.unloadTimers.set(room.name, timer)
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(name)
  }

  private unload(room: Room): Promise<void> {
    this.rooms.delete(room.name)
    const closing = (async () => {
      try {
        // A room being unloaded is a good moment to fold its log into one record.
        if (room.log.recordCount > 1) await room.log.compact()
      } catch (err) {
        this.logger.error({ err, room: room.name }, 'compaction on unload failed')
      }
      await room.close()
    })()
      .catch((err) => this.logger.error({ err, room: room.name }, 'closing room failed'))
      .finally(() => this.closing.delete(room.name))
    this.closing.set(room.name, closing)
    return closing
  }

  /** Flush and close every room (SIGTERM, tests). */
  async closeAll(): Promise<void> {
    for (const name of this.unloadTimers.keys()) this.cancelUnload(name)
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)))
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)))
    await Promise.all(this.closing.values())
  }
}
