import { constants, copyFile, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { HEADER_BYTES, LOG_MAGIC, encodeRecord, readLogFile } from './logRecords.ts'

export { CorruptLogError, readLogFile } from './logRecords.ts'

/**
 * The append-only Yjs update log of one document (format in logRecords.ts).
 *
 * Appends are buffered and written as one batch (one write, one fsync) at most
 * `flushIntervalMs` after the first of them arrives. Every file operation (batch write,
 * compaction) runs through one queue, so two never overlap. Compaction replaces the file by
 * a single state record through `<path>.tmp` and a rename, so a crash leaves either the old
 * file or the new one, never a mix.
 */

export interface UpdateLogOptions {
  /** Buffered appends are written and fsynced at most this many ms after arrival (default 50). */
  flushIntervalMs: number
  /** Compact when the file grows past this many bytes (default 4 MiB)… */
  compactAfterBytes: number
  /** …or holds more than this many records (default 2000). */
  compactAfterRecords: number
  /**
   * fsync after each batch (default true; tests may turn it off for speed). Also governs the
   * fsyncs of compaction and recovery.
   */
  fsync: boolean
  /** Receives I/O errors of background flushes, which have no caller (default: console.error). */
  onError?: (error: Error) => void
}

export interface RecoveryReport {
  /** Good records read. */
  records: number
  /** Bytes of an incomplete/corrupt LAST record that were skipped (0 if none). */
  tornTailBytes: number
  /** Where the original file was preserved when a torn tail was found. */
  backupPath: string | null
}

const DEFAULTS = {
  flushIntervalMs: 50,
  compactAfterBytes: 4 * 1024 * 1024,
  compactAfterRecords: 2000,
  fsync: true,
}

/** Failed batches are retried with exponential backoff up to this delay. */
const MAX_RETRY_DELAY_MS = 5_000

const noop = () => {}

export class UpdateLog {
  /** Encoded records waiting for the next batch. */
  private pending: Buffer[] = []
  private timer: NodeJS.Timeout | null = null
  /** The tail of the file-operation queue; each operation starts after the previous settles. */
  private queue: Promise<void> = Promise.resolve()
  private getState: (() => Uint8Array) | null = null
  private failedBatches = 0
  private closing: Promise<void> | null = null
  /** Size right after the last compaction (see isCompactionDue). */
  private compactedSize = HEADER_BYTES

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private size: number,
    private records: number,
    private readonly options: UpdateLogOptions,
  ) {}

  /** Opens (creating if missing, including parent dirs) and recovers the log. */
  static async open(
    path: string,
    options: Partial<UpdateLogOptions> = {},
  ): Promise<{ log: UpdateLog; updates: Uint8Array[]; report: RecoveryReport }> {
    const settings = withDefaults(options)
    await mkdir(dirname(path), { recursive: true })
    // A leftover tmp is a compaction or recovery that crashed before its rename: the real
    // file was never touched, so the tmp holds nothing we need.
    await rm(tmpPathOf(path), { force: true })
    const { handle, updates, size, report } = await recoverFile(path, settings.fsync)
    return { log: new UpdateLog(path, handle, size, updates.length, settings), updates, report }
  }

  /**
   * Gives the log a way to read the document's full state, used for compaction. The state
   * must include every update already passed to append().
   */
  setStateProvider(getState: () => Uint8Array): void {
    this.getState = getState
  }

  /** Buffer an update; it is written (and fsynced when enabled) within flushIntervalMs. */
  append(update: Uint8Array): void {
    if (this.closing) throw new Error(`update log ${this.path} is closed`)
    // An empty update changes nothing, and an empty record would read back as damage.
    if (update.length === 0) return
    // Encoding copies the bytes now, so a caller reusing its buffer cannot change what is written.
    this.pending.push(encodeRecord(update))
    this.schedule(this.options.flushIntervalMs)
  }

  /** Write everything buffered now (and compact if due). Resolves when on disk. */
  flush(): Promise<void> {
    return this.closing ?? this.flushNow()
  }

  /**
   * Atomically replace the file by one state record (from the state provider if none is
   * given). Appends buffered meanwhile stay buffered and follow in the next batch.
   */
  compact(state?: Uint8Array): Promise<void> {
    if (this.closing) return Promise.reject(new Error(`update log ${this.path} is closed`))
    return this.exclusive(async () => {
      const fullState = state ?? this.getState?.()
      if (!fullState) throw new Error('compact() needs a state or a state provider')
      await this.replaceWithState(fullState)
    })
  }

  /** Bytes in the file (buffered appends not included). */
  get sizeBytes(): number {
    return this.size
  }

  /** Records in the file (buffered appends not included). */
  get recordCount(): number {
    return this.records
  }

  /** Flushes, stops the timer, closes the file handle. After close, append() throws. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce()
    return this.closing
  }

  private async closeOnce(): Promise<void> {
    try {
      await this.flushNow()
    } finally {
      this.clearTimer()
      await this.handle.close()
    }
  }

  private flushNow(): Promise<void> {
    this.clearTimer()
    return this.exclusive(async () => {
      await this.writePending()
      await this.compactIfDue()
    })
  }

  private exclusive(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation)
    // The next operation waits for this one, whether it succeeds or fails.
    this.queue = run.catch(noop)
    return run
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closing || this.pending.length === 0) return
    this.timer = setTimeout(this.onTimer, delayMs)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private readonly onTimer = (): void => {
    this.timer = null
    this.flushNow().catch((err: unknown) => this.reportError(err))
  }

  /** One write and one fsync for everything buffered. On failure the batch stays buffered. */
  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const bytes = batch.length === 1 ? batch[0] : Buffer.concat(batch)
    try {
      await writeFully(this.handle, bytes, this.size)
      if (this.options.fsync) await this.handle.sync()
    } catch (err) {
      // Cut off whatever part of the batch landed, so more records cannot follow it and turn
      // it into mid-file damage. Should that fail too, the retry still writes at this.size
      // a batch that starts with the same bytes and is at least as long, covering them.
      await this.handle.truncate(this.size).catch(noop)
      this.pending = batch.concat(this.pending)
      this.failedBatches++
      this.schedule(this.retryDelay())
      throw err
    }
    this.failedBatches = 0
    this.size += bytes.length
    this.records += batch.length
  }

  private retryDelay(): number {
    const base = Math.max(this.options.flushIntervalMs, 10)
    return Math.min(base * 2 ** this.failedBatches, MAX_RETRY_DELAY_MS)
  }

  private async compactIfDue(): Promise<void> {
    if (this.getState && this.isCompactionDue()) await this.replaceWithState(this.getState())
  }

  private isCompactionDue(): boolean {
    // A document whose state alone is near the byte limit would otherwise be rewritten after
    // every batch; waiting until the log has doubled since the last compaction keeps the
    // rewriting proportional to what was appended.
    const byteLimit = Math.max(this.options.compactAfterBytes, 2 * this.compactedSize)
    return this.size > byteLimit || this.records > this.options.compactAfterRecords
  }

  /** Only ever called inside exclusive(), so no batch write is in flight. */
  private async replaceWithState(state: Uint8Array): Promise<void> {
    if (state.length === 0) throw new Error('refusing to compact the log to an empty state')
    const record = encodeRecord(state)
    const handle = await replaceFileAtomically(this.path, Buffer.concat([LOG_MAGIC, record]), {
      fsync: this.options.fsync,
    })
    // The new file is the log from here on; the old handle points at the replaced inode.
    const replaced = this.handle
    this.handle = handle
    this.size = this.compactedSize = HEADER_BYTES + record.length
    this.records = 1
    await replaced.close().catch(noop)
    if (this.options.fsync) await fsyncDirectory(dirname(this.path))
  }

  private reportError(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err))
    try {
      if (this.options.onError) this.options.onError(error)
      else console.error(`update log ${this.path}: background flush failed`, error)
    } catch {
      // A failing error handler must not turn a logged I/O error into a crash.
    }
  }
}

function withDefaults(options: Partial<UpdateLogOptions>): UpdateLogOptions {
  return {
    flushIntervalMs: options.flushIntervalMs ?? DEFAULTS.flushIntervalMs,
    compactAfterBytes: options.compactAfterBytes ?? DEFAULTS.compactAfterBytes,
    compactAfterRecords: options.compactAfterRecords ?? DEFAULTS.compactAfterRecords,
    fsync: options.fsync ?? DEFAULTS.fsync,
    onError: options.onError,
  }
}

function tmpPathOf(path: string): string {
  return `${path}.tmp`
}

interface RecoveredFile {
  handle: FileHandle
  updates: Uint8Array[]
  size: number
  report: RecoveryReport
}

/**
 * Read the log and leave it ready for appends. Throws CorruptLogError (before touching the
 * file) when dropping the damage could lose good records.
 */
async function recoverFile(path: string, fsync: boolean): Promise<RecoveredFile> {
  const bytes = await readIfExists(path)
  if (!bytes) {
    const handle = await replaceFileAtomically(path, LOG_MAGIC, { fsync, syncDirectory: true })
    const report = { records: 0, tornTailBytes: 0, backupPath: null }
    return { handle, updates: [], size: HEADER_BYTES, report }
  }
  const { updates, tornTailBytes } = readLogFile(bytes, path)
  const size = bytes.length - tornTailBytes
  if (tornTailBytes === 0) {
    const report = { records: updates.length, tornTailBytes, backupPath: null }
    return { handle: await open(path, 'r+'), updates, size, report }
  }
  const backupPath = await preserveOriginal(path, fsync)
  // The good records are a byte prefix of the original, so they are kept exactly as they were.
  const handle = await replaceFileAtomically(path, bytes.subarray(0, size), {
    fsync,
    syncDirectory: true,
  })
  return { handle, updates, size, report: { records: updates.length, tornTailBytes, backupPath } }
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null
    throw err
  }
}

/** Keep the damaged file byte for byte under `<path>.torn-<timestamp>` before replacing it. */
async function preserveOriginal(path: string, fsync: boolean): Promise<string> {
  const stamp = new Date().toISOString().replaceAll(':', '-')
  for (let attempt = 0; attempt < 100; attempt++) {
    const backupPath = `${path}.torn-${stamp}${attempt === 0 ? '' : `-${attempt}`}`
    try {
      await keepCopy(path, backupPath, fsync)
      return backupPath
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err
    }
  }
  throw new Error(`could not find a free backup name for ${path}`)
}

/**
 * A hard link keeps the original bytes without copying them: the rename that follows gives
 * `path` a new inode and leaves the old one under the backup name. Filesystems without hard
 * links get a copy. (The directory fsync after that rename also persists the link.)
 */
async function keepCopy(path: string, backupPath: string, fsync: boolean): Promise<void> {
  try {
    await link(path, backupPath)
    return
  } catch (err) {
    if (errorCode(err) === 'EEXIST') throw err
  }
  await copyFile(path, backupPath, constants.COPYFILE_EXCL)
  if (!fsync) return
  const copy = await open(backupPath, 'r+')
  try {
    await copy.sync()
  } finally {
    await copy.close()
  }
}

/**
 * Write `bytes` to `<path>.tmp`, fsync, and rename it over `path`. Returns a handle open
 * (read/write) on the new file: it followed the rename, so no reopening is needed.
 */
async function replaceFileAtomically(
  path: string,
  bytes: Uint8Array,
  { fsync, syncDirectory = false }: { fsync: boolean; syncDirectory?: boolean },
): Promise<FileHandle> {
  const tmpPath = tmpPathOf(path)
  const handle = await open(tmpPath, 'w+')
  try {
    await writeFully(handle, bytes, 0)
    if (fsync) await handle.sync()
    await rename(tmpPath, path)
    if (fsync && syncDirectory) await fsyncDirectory(dirname(path))
  } catch (err) {
    await handle.close().catch(noop)
    await rm(tmpPath, { force: true }).catch(noop)
    throw err
  }
  return handle
}

async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const result = await handle.write(bytes, written, bytes.length - written, position + written)
    written += result.bytesWritten
  }
}

/** Makes a rename durable. Some platforms cannot fsync a directory; there it is skipped. */
async function fsyncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (err) {
    if (!['EISDIR', 'EINVAL', 'ENOTSUP', 'EPERM'].includes(errorCode(err) ?? '')) throw err
  } finally {
    await handle?.close()
  }
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined
  return typeof err.code === 'string' ? err.code : undefined
}
