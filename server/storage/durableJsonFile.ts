import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import writeFileAtomic from 'write-file-atomic'

export class CorruptDatabaseError extends Error {
  readonly code = 'DB_CORRUPT'
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${path} is not valid JSON (${(cause as Error).message}); it was left untouched`)
  }
}

/**
 * A lowdb adapter that survives crashes and power loss: each write goes to a temporary
 * file that is fsynced and renamed over the database (write-file-atomic, which also
 * queues concurrent writes), then the directory is fsynced so the rename itself is on
 * disk. A database that does not parse is refused, never overwritten.
 *
 * Writes coalesce: while one is on its way to disk, every further call shares the next
 * write, which serializes the newest data. 200 ballots in one second cost a handful of
 * fsyncs, not 200, and each caller still resolves only once its data is on disk.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null
  private latest: T | null = null

  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    try {
      return JSON.parse(text) as T
    } catch (err) {
      throw new CorruptDatabaseError(this.path, err)
    }
  }

  write(data: T): Promise<void> {
    this.latest = data
    this.queued ??= (this.running ?? Promise.resolve())
      .catch(() => undefined) // a failed write must not block the ones after it
      .then(() => {
        this.queued = null
        const running = this.writeNow(this.latest as T).finally(() => {
          if (this.running === running) this.running = null
        })
        this.running = running
        return running
      })
    return this.queued
  }

  private async writeNow(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data), { fsync: true })
    const directory = await open(dirname(this.path), 'r')
    try {
      await directory.sync()
    } finally {
      await directory.close()
    }
  }
}
