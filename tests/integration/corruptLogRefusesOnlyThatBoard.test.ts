import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { encodeRecord, LOG_MAGIC, readLogFile } from '../../server/storage/logRecords.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { closeCodeOf, connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest({ ROOM_UNLOAD_DELAY_MS: 0 })
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A board of five cards, written, closed, unloaded: its log compacted to one record. */
async function unloadedBoardWithCards(server: (typeof perTest)['server']) {
  const group = await boardWithPeople(server, 1)
  const writer = connectClient(server.wsUrl, group.board.id, group.participants[0].token)
  await waitForSync(writer)
  for (let i = 0; i < 5; i++) createCard(writer.doc, { kind: 'objective', title: `Card ${i}` })
  await new Promise((resolve) => setTimeout(resolve, 200))
  writer.destroy()
  await eventually(() => server.context.rooms.loadedRoomCount === 0, 5000, 'rooms to unload')
  return group
}

it('a corrupt update log refuses that board with 4423, leaves the file untouched, and serves the others', async () => {
  const { server } = perTest
  const broken = await unloadedBoardWithCards(server)
  const healthy = await unloadedBoardWithCards(server)

  // Damage the middle of the broken board's log: flip bytes inside the first record.
  const path = server.context.rooms.logPath(broken.board.id, 'board')
  const bytes = await readFile(path)
  // A state record then at least one more: compaction on unload left one record, so
  // append a second, valid-looking record after corrupting the first one's payload.
  bytes[20] ^= 0xff
  await writeFile(path, Buffer.concat([bytes, bytes.subarray(8)]))
  const before = sha(await readFile(path))

  const code = await closeCodeOf(
    `${server.wsUrl}/yjs/${broken.board.id}?token=${broken.participants[0].token}`,
  )
  expect(code).toBe(CloseCode.Unavailable)
  expect(sha(await readFile(path))).toBe(before)

  const other = connectClient(server.wsUrl, healthy.board.id, healthy.participants[0].token)
  perTest.clients.push(other)
  await waitForSync(other)
  expect(getCards(other.doc).size).toBe(5)
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})

// A compacted board's single record goes out to the first joiners before the server builds
// the document from it. A record whose checksum matches but that Yjs cannot apply (only a
// bug could write one) must still end with the board refused, not served half-built.
it('a stored record Yjs cannot apply closes the board with 4423 and leaves the file untouched', async () => {
  const { server } = perTest
  const broken = await unloadedBoardWithCards(server)
  const healthy = await unloadedBoardWithCards(server)

  const path = server.context.rooms.logPath(broken.board.id, 'board')
  const { updates } = readLogFile(await readFile(path))
  expect(updates).toHaveLength(1)
  const cut = updates[0].subarray(0, Math.floor(updates[0].length / 2))
  // The premise: Yjs throws on this record (it is half a document).
  expect(() => Y.applyUpdate(new Y.Doc(), cut)).toThrow()
  await writeFile(path, Buffer.concat([LOG_MAGIC, encodeRecord(cut)]))
  const before = sha(await readFile(path))

  const url = `${server.wsUrl}/yjs/${broken.board.id}?token=${broken.participants[0].token}`
  expect(await closeCodeOf(url)).toBe(CloseCode.Unavailable)
  // And again, now refused as the room loads.
  expect(await closeCodeOf(url)).toBe(CloseCode.Unavailable)
  expect(sha(await readFile(path))).toBe(before)

  const other = connectClient(server.wsUrl, healthy.board.id, healthy.participants[0].token)
  perTest.clients.push(other)
  await waitForSync(other)
  expect(getCards(other.doc).size).toBe(5)
})
