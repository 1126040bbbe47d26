import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { getMeta } from '../../shared/boardDoc.ts'

/**
 * The board document keeps the tldraw schema its canvas records were written with
 * (`meta.tldrawSchema`). A client with a newer tldraw or newer custom shapes migrates what
 * it reads; a record it still cannot read is skipped with a warning so one bad record never
 * stops the rest of the board from syncing.
 */
const SCHEMA_KEY = 'tldrawSchema'

/** How the document's schema relates to ours. */
export type SchemaRelation = 'same' | 'older' | 'incompatible'

export function readPersistedSchema(doc: Y.Doc): SerializedSchema | null {
  const value = getMeta(doc).get(SCHEMA_KEY)
  if (!value || typeof value !== 'object') return null
  return 'schemaVersion' in value ? (value as SerializedSchema) : null
}

export function writeCurrentSchema(doc: Y.Doc, store: TLStore): void {
  getMeta(doc).set(SCHEMA_KEY, store.schema.serialize())
}

export function schemaRelation(store: TLStore, persisted: SerializedSchema | null): SchemaRelation {
  if (!persisted) return 'same'
  const migrations = store.schema.getMigrationsSince(persisted)
  if (!migrations.ok) return 'incompatible'
  return migrations.value.length > 0 ? 'older' : 'same'
}

/** Only document-scope records (shapes, pages, bindings, assets, the document) are shared. */
export function isSharedRecordType(store: TLStore, typeName: unknown): boolean {
  if (typeof typeName !== 'string') return false
  const type = (store.schema.types as Record<string, { scope: string } | undefined>)[typeName]
  return type?.scope === 'document'
}

function looksLikeRecord(value: unknown): value is TLRecord {
  const record = value as { id?: unknown; typeName?: unknown } | null
  return !!record && typeof record.id === 'string' && typeof record.typeName === 'string'
}

function warnSkipped(id: unknown, why: unknown): void {
  console.warn(`[catchball] skipped canvas record ${String(id)}:`, why)
}

/**
 * Turn one value read from the document into a record our store accepts, or null.
 * `relation` says whether it must be migrated from `persisted` first.
 */
export function prepareIncomingRecord(
  store: TLStore,
  value: unknown,
  persisted: SerializedSchema | null,
  relation: SchemaRelation,
): TLRecord | null {
  if (!looksLikeRecord(value)) {
    warnSkipped((value as { id?: unknown } | null)?.id, 'not a record')
    return null
  }
  if (!isSharedRecordType(store, value.typeName)) {
    warnSkipped(value.id, `type ${value.typeName} is not shared`)
    return null
  }
  let record: TLRecord = value
  if (relation === 'older' && persisted) {
    const migrated = store.schema.migratePersistedRecord(record, persisted, 'up')
    if (migrated.type === 'error') {
      warnSkipped(value.id, `migration failed (${migrated.reason})`)
      return null
    }
    record = migrated.value
  }
  // With an incompatible (newer) schema we still try the record as it is: most records
  // do not change between versions.
  const before = store.get(record.id) ?? null
  try {
    return store.schema.validateRecord(
      store,
      record,
      before ? 'updateRecord' : 'initialize',
      before,
    )
  } catch (error) {
    warnSkipped(record.id, error)
    return null
  }
}

/**
 * Migrate a whole set of records read at load time. The snapshot migration runs store-level
 * migrations too; if it fails, fall back to migrating record by record.
 */
export function prepareInitialRecords(
  store: TLStore,
  values: unknown[],
  persisted: SerializedSchema | null,
): TLRecord[] {
  const relation = schemaRelation(store, persisted)
  if (relation === 'older' && persisted) {
    const byId: Record<string, TLRecord> = {}
    for (const value of values) {
      if (looksLikeRecord(value) && isSharedRecordType(store, value.typeName)) {
        byId[value.id] = value
      }
    }
    const migrated = store.schema.migrateStoreSnapshot({ store: byId, schema: persisted })
    if (migrated.type === 'success') {
      return Object.values(migrated.value)
        .map((record) => prepareIncomingRecord(store, record, null, 'same'))
        .filter((record): record is TLRecord => record !== null)
    }
    console.warn('[catchball] canvas snapshot migration failed; migrating record by record')
  }
  return values
    .map((value) => prepareIncomingRecord(store, value, persisted, relation))
    .filter((record): record is TLRecord => record !== null)
}
