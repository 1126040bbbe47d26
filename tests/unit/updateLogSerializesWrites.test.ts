import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { UpdateLog, readLogFile } from '../../server/storage/updateLog.ts'

let dir: string
let fileHandle: FileHandle

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
  // FileHandle is not exported as a class; its prototype is reached through an instance.
  const probe = await open(join(dir, 'probe'), 'w')
  fileHandle = Object.getPrototypeOf(probe) as FileHandle
  await probe.close()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

type Operation = (this: FileHandle, ...args: unknown[]) => Promise<unknown>

/** Run `before` ahead of every FileHandle `method` call, then the real call. */
function interpose(method: 'write' | 'sync', before: () => Promise<void>): void {
  const real = fileHandle[method] as unknown as Operation
  const wrapped: Operation = async function (...args) {
    await before()
    return real.apply(this, args)
  }
  vi.spyOn(fileHandle, method).mockImplementation(wrapped as unknown as FileHandle['write'])
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

function persistedDoc(log: UpdateLog): Y.Doc {
  const doc = new Y.Doc()
  log.setStateProvider(() => Y.encodeStateAsUpdate(doc))
  doc.on('update', (update: Uint8Array) => log.append(update))
  return doc
}

async function reloadText(path: string): Promise<string> {
  const { log, updates } = await UpdateLog.open(path, { fsync: false })
  await log.close()
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('UpdateLog serializes file operations', () => {
  it('never runs two writes or fsyncs at once, even with compactions mixed in', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { flushIntervalMs: 1, compactAfterRecords: 15 })
    const doc = persistedDoc(log)
    let active = 0
    let most = 0
    for (const method of ['write', 'sync'] as const) {
      interpose(method, async () => {
        active++
        most = Math.max(most, active)
        await tick() // widen the window in which an overlap would show
        active--
      })
    }

    const operations: Array<Promise<void>> = []
    for (let n = 0; n < 60; n++) {
      doc.getText('t').insert(n, String(n % 10))
      if (n % 7 === 0) operations.push(log.flush())
      if (n % 11 === 0) operations.push(log.compact())
      if (n % 5 === 0) await tick()
    }
    await Promise.all(operations)
    await log.close()

    expect(most).toBe(1)
    expect(await reloadText(path)).toBe(doc.getText('t').toString())
  })

  it('keeps appends that arrive during a compaction, writing them after the compacted file', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false })
    const doc = persistedDoc(log)
    doc.getText('t').insert(0, 'be')
    doc.getText('t').insert(2, 'fore')
    await log.flush()
    expect(log.recordCount).toBe(2)

    // Hold the compaction's write until an edit has arrived behind it.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let holdNext = true
    interpose('write', async () => {
      if (!holdNext) return
      holdNext = false
      await held
    })

    const compacting = log.compact() // takes the state now: 'before' only
    await tick()
    doc.getText('t').insert(6, ' and during')
    const flushing = log.flush() // must wait for the compaction
    await tick()
    expect(log.recordCount).toBe(2) // neither the compaction nor the flush has landed yet
    release()
    await compacting
    await flushing

    expect(log.recordCount).toBe(2)
    const { updates } = readLogFile(await readFile(path))
    expect(updates).toHaveLength(2) // the state record, then the edit's batch
    await log.close()
    expect(await reloadText(path)).toBe('before and during')
  })
})
