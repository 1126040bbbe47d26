import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Database } from '../../server/storage/database.ts'
import { CorruptDatabaseError, DurableJsonFile } from '../../server/storage/durableJsonFile.ts'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catchball-db-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

it('200 concurrent writes all resolve, and the file ends with the newest data', async () => {
  const file = new DurableJsonFile<{ n: number }>(join(dir, 'db.json'))
  const data = { n: 0 }
  const writes = Array.from({ length: 200 }, (_, i) => {
    data.n = i + 1
    return file.write(data)
  })
  await Promise.all(writes)
  expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8'))).toEqual({ n: 200 })
})

it('refuses a database file that does not parse, and leaves it byte-for-byte untouched', async () => {
  const path = join(dir, 'catchball.json')
  // A file cut mid-write by something other than us (e.g. a manual edit or a bad copy).
  await writeFile(path, '{"schemaVersion":1,"boards":{"a":')
  const before = sha(await readFile(path))
  await expect(Database.open(dir)).rejects.toBeInstanceOf(CorruptDatabaseError)
  expect(sha(await readFile(path))).toBe(before)
})

it('a temp file left by a crash mid-write does not stop the database from loading', async () => {
  const first = await Database.open(dir)
  first.data.boards.b1 = {
    id: 'b1',
    title: 'Kept',
    template: 'blank',
    createdAt: '2026-11-25T00:00:00.000Z',
    roleTokenHashes: { facilitator: 'a', participant: 'b', viewer: 'c' },
    finalizedVersion: null,
  }
  await first.write()
  // What a crash between "write temp file" and "rename" leaves behind.
  await writeFile(join(dir, 'catchball.json.1234abcd'), '{"half":')
  const reopened = await Database.open(dir)
  expect(reopened.getBoard('b1')?.title).toBe('Kept')
})
