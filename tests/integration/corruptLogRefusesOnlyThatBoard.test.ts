import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { closeCodeOf, connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest({ ROOM_UNLOAD_DELAY_MS: 0 })
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

it('a corrupt update log refuses that board with 4423, leaves the file untouched, and serves the others', async () => {
  const { server } = perTest
  const broken = await boardWithPeople(server, 1)
  const healthy = await boardWithPeople(server, 1)
  for (const group of [broken, healthy]) {
    const writer = connectClient(server.wsUrl, group.board.id, group.participants[0].token)
    await waitForSync(writer)
    for (let i = 0; i < 5; i++) createCard(writer.doc, { kind: 'objective', title: `Card ${i}` })
    await new Promise((resolve) => setTimeout(resolve, 200))
    writer.destroy()
  }
  await eventually(() => server.context.rooms.loadedRoomCount === 0, 5000, 'rooms to unload')

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
