import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { HEADER_BYTES, RECORD_HEADER_BYTES } from '../../server/storage/logRecords.ts'
import { UpdateLog, readLogFile } from '../../server/storage/updateLog.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-log-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A document wired to a log the way a room wires it: every update appended. */
function persistedDoc(log: UpdateLog): Y.Doc {
  const doc = new Y.Doc()
  log.setStateProvider(() => Y.encodeStateAsUpdate(doc))
  doc.on('update', (update: Uint8Array) => log.append(update))
  return doc
}

/**
 * One small edit, as a participant makes them: mostly typing, now and then a card change.
 * (Overwritten map entries leave tombstones, so a log of map overwrites shrinks less.)
 */
function edit(doc: Y.Doc, n: number): void {
  doc.transact(() => {
    const notes = doc.getText('notes')
    notes.insert(notes.length, `${n % 10}`)
    if (n % 10 === 0) doc.getMap('cards').set(`card-${n % 50}`, { title: `Objective ${n}` })
  })
}

function content(doc: Y.Doc) {
  return { cards: doc.getMap('cards').toJSON(), notes: doc.getText('notes').toString() }
}

async function reload(path: string): Promise<Y.Doc> {
  const { log, updates } = await UpdateLog.open(path, { fsync: false })
  await log.close()
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

describe('UpdateLog compaction', () => {
  it('folds 3000 small updates into one record that reloads to the same document', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false, compactAfterRecords: 1_000_000 })
    const doc = persistedDoc(log)
    for (let n = 0; n < 3000; n++) edit(doc, n)
    await log.flush()
    expect(log.recordCount).toBe(3000)
    const uncompactedBytes = log.sizeBytes

    await log.compact()
    expect(log.recordCount).toBe(1)
    expect(log.sizeBytes).toBeLessThan(uncompactedBytes / 5)
    expect((await readFile(path)).length).toBe(log.sizeBytes)
    expect(await readdir(dir)).toEqual(['board.ylog']) // the tmp was renamed over the log
    await log.close()

    const reloaded = await reload(path)
    expect(content(reloaded)).toEqual(content(doc))
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc))
    expect(Y.encodeStateAsUpdate(reloaded)).toEqual(Y.encodeStateAsUpdate(doc))
  })

  it('compacts by itself after a flush that takes the log past compactAfterRecords', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false }) // default: 2000 records
    const doc = persistedDoc(log)
    let most = 0
    for (let batch = 0; batch < 30; batch++) {
      for (let n = 0; n < 100; n++) edit(doc, batch * 100 + n)
      await log.flush()
      most = Math.max(most, log.recordCount)
    }
    expect(most).toBeLessThanOrEqual(2000) // the log stays bounded
    expect(log.recordCount).toBeLessThan(1100)
    await log.close()
    expect(content(await reload(path))).toEqual(content(doc))
  })

  it('compacts by itself when the file grows past compactAfterBytes', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false, compactAfterBytes: 8 * 1024 })
    const doc = persistedDoc(log)
    for (let n = 0; n < 400; n++) edit(doc, n)
    await log.flush()
    expect(log.recordCount).toBe(1)
    await log.close()
    expect(content(await reload(path))).toEqual(content(doc))
  })

  it('does not compact on its own without a state provider', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path, { fsync: false, compactAfterRecords: 10 })
    for (let n = 0; n < 20; n++) log.append(Uint8Array.from([n, 1]))
    await log.flush()
    expect(log.recordCount).toBe(20)
    await expect(log.compact()).rejects.toThrow(/state/)
    expect(log.recordCount).toBe(20)
    await log.close()
  })

  it('compacts to an explicitly given state, with the default fsync on', async () => {
    const path = join(dir, 'board.ylog')
    const { log } = await UpdateLog.open(path)
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => log.append(update))
    for (let n = 0; n < 50; n++) edit(doc, n)
    const state = Y.encodeStateAsUpdate(doc)
    await log.flush()
    await log.compact(state)
    expect(log.recordCount).toBe(1)
    expect(log.sizeBytes).toBe(HEADER_BYTES + RECORD_HEADER_BYTES + state.length)
    expect(readLogFile(await readFile(path)).updates.map((u) => Array.from(u))).toEqual([
      Array.from(state),
    ])
    await log.close()
  })
})
