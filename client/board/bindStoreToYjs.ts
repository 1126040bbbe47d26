import { isEqual, type TLRecord, type TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { getCanvasKeyValue, onCanvasChange, type CanvasValue } from './canvasKeyValue.ts'
import {
  prepareIncomingRecord,
  prepareInitialRecords,
  readPersistedSchema,
  schemaRelation,
  writeCurrentSchema,
} from './schemaMigration.ts'

/**
 * Two-way binding between a tldraw store and the board document's `canvas` records.
 *
 * - Local edits (source 'user', document scope) are collected and written in ONE Yjs
 *   transaction per flush, at most every FLUSH_INTERVAL_MS, tagged with our own origin.
 * - Changes from anyone else (server, IndexedDB) are applied with `mergeRemoteChanges`, so
 *   they never enter the local undo stack; our own origin's echo is ignored.
 * - Viewers (readOnly) only read: nothing is ever written to the document.
 */
export const FLUSH_INTERVAL_MS = 33

export interface StoreYjsBinding {
  /**
   * Call whenever the document has synced with the server: writes the default document
   * and page records the board lacks, and drops an unused default page made while offline.
   */
  reconcileDefaults(): void
  /** Write pending local changes now (before the page goes away). */
  flush(): void
  dispose(): void
}

type RecordId = TLRecord['id']

export function bindStoreToYjs(opts: {
  store: TLStore
  doc: Y.Doc
  readOnly: boolean
}): StoreYjsBinding {
  const { store, doc, readOnly } = opts
  const keyValue = getCanvasKeyValue(doc)
  // Transactions we make carry this origin, so the change events they cause are skipped.
  const origin = { binding: 'tldraw-store' }

  const applyRemote = (puts: TLRecord[], removes: RecordId[]) => {
    if (puts.length === 0 && removes.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (removes.length > 0) store.remove(removes)
        if (puts.length > 0) store.put(puts)
      })
    } catch (error) {
      // One record made the batch throw (a shape util or side effect choked on it): apply
      // them one by one so only that record is lost.
      console.warn('[catchball] canvas batch failed, applying records one by one:', error)
      for (const record of puts) {
        try {
          store.mergeRemoteChanges(() => store.put([record]))
        } catch (recordError) {
          console.warn(`[catchball] skipped canvas record ${record.id}:`, recordError)
        }
      }
    }
  }

  // 1. Load what the document holds right now (the caller waited for the first sync).
  const initialValues = [...keyValue.map.values()].map((entry) => entry.val)
  applyRemote(prepareInitialRecords(store, initialValues, readPersistedSchema(doc)), [])

  // 2. Record the schema the canvas is written with; migrate the document if it is older.
  if (!readOnly) upgradeDocumentSchema(store, doc, keyValue, origin)

  // 3. Remote → store.
  const stopObserving = onCanvasChange(doc, (changes, tr) => {
    if (tr.origin === origin) return
    const persisted = readPersistedSchema(doc)
    const relation = schemaRelation(store, persisted)
    const puts: TLRecord[] = []
    const removes: RecordId[] = []
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        if (store.has(id as RecordId)) removes.push(id as RecordId)
        continue
      }
      const record = prepareIncomingRecord(store, change.newValue, persisted, relation)
      if (record) puts.push(record)
    }
    applyRemote(puts, removes)
  })

  // 4. Store → document, throttled.
  const pending = new Set<RecordId>()
  let flushTimer: number | null = null
  let lastFlushAt = -Infinity

  const flush = () => {
    if (flushTimer !== null) {
      window.clearTimeout(flushTimer)
      flushTimer = null
    }
    if (pending.size === 0) return
    const ids = [...pending]
    pending.clear()
    lastFlushAt = performance.now()
    doc.transact(() => {
      for (const id of ids) {
        // Write the record as it is now, not as it was when it changed: a remote update
        // applied in between must not be overwritten by our older copy.
        const record = store.get(id)
        if (record) {
          const stored = keyValue.get(id)
          if (!stored || !isEqual(stored, record)) {
            keyValue.set(id, record as unknown as CanvasValue)
          }
        } else if (keyValue.has(id)) {
          keyValue.delete(id)
        }
      }
    }, origin)
  }

  const scheduleFlush = () => {
    if (flushTimer !== null) return
    const wait = Math.max(0, lastFlushAt + FLUSH_INTERVAL_MS - performance.now())
    flushTimer = window.setTimeout(flush, wait)
  }

  const stopListening = readOnly
    ? () => {}
    : store.listen(
        ({ changes }) => {
          for (const id of Object.keys(changes.added)) pending.add(id as RecordId)
          for (const id of Object.keys(changes.updated)) pending.add(id as RecordId)
          for (const id of Object.keys(changes.removed)) pending.add(id as RecordId)
          scheduleFlush()
        },
        { source: 'user', scope: 'document' },
      )

  window.addEventListener('pagehide', flush)

  return {
    reconcileDefaults: () => reconcileDefaults(store, doc, keyValue, origin, readOnly),
    flush,
    dispose() {
      window.removeEventListener('pagehide', flush)
      flush()
      stopListening()
      stopObserving()
    },
  }
}

type CanvasKeyValue = ReturnType<typeof getCanvasKeyValue>

function upgradeDocumentSchema(
  store: TLStore,
  doc: Y.Doc,
  keyValue: CanvasKeyValue,
  origin: object,
): void {
  const persisted = readPersistedSchema(doc)
  const relation = schemaRelation(store, persisted)
  if (relation === 'incompatible') {
    console.warn('[catchball] this board was written by a newer version; reload to update')
    return
  }
  const current = store.schema.serialize()
  if (persisted && relation === 'same' && isEqual(persisted, current)) return
  doc.transact(() => {
    if (relation === 'older') {
      // Rewrite what we migrated so every client reads the current format from now on.
      for (const { key } of keyValue.map.values()) {
        const record = store.get(key as RecordId)
        if (record) keyValue.set(key, record as unknown as CanvasValue)
      }
    }
    writeCurrentSchema(doc, store)
  }, origin)
}

function reconcileDefaults(
  store: TLStore,
  doc: Y.Doc,
  keyValue: CanvasKeyValue,
  origin: object,
  readOnly: boolean,
): void {
  const documentHasPage = [...keyValue.map.values()].some((entry) => entry.val.typeName === 'page')
  const records = store.allRecords()
  const parentsOfShapes = new Set<string>()
  for (const record of records)
    if (record.typeName === 'shape') parentsOfShapes.add(record.parentId)
  const toWrite: TLRecord[] = []
  const strayPages: RecordId[] = []
  for (const record of records) {
    if (keyValue.has(record.id)) continue
    if (record.typeName === 'document') toWrite.push(record)
    if (record.typeName !== 'page') continue
    // tldraw makes `page:page` when the store has no page; the id is the same on every
    // client, so two first visitors write the same page rather than two pages.
    if (!documentHasPage || parentsOfShapes.has(record.id)) toWrite.push(record)
    else strayPages.push(record.id)
  }
  if (strayPages.length > 0) store.mergeRemoteChanges(() => store.remove(strayPages))
  if (readOnly || toWrite.length === 0) return
  doc.transact(() => {
    for (const record of toWrite) keyValue.set(record.id, record as unknown as CanvasValue)
  }, origin)
}
