import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { readLogFile } from '../../server/storage/logRecords.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { seedOkrs } from '../support/seedOkrs.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest({ ROOM_UNLOAD_DELAY_MS: 0 })

// A board loaded from a compacted log sends its stored record to joiners before it builds
// the document. A request that reads the board in that moment (here: finalize, on a board
// nobody has open) must get the whole board, not the empty document it starts from.
it('finalizing a board nobody has open reads every agreed objective from disk', async () => {
  const { server } = perTest
  const people = await boardWithPeople(server, 1)
  const writer = connectClient(server.wsUrl, people.board.id, people.facilitator.token)
  await waitForSync(writer)
  seedOkrs(writer.doc)
  await new Promise((resolve) => setTimeout(resolve, 300))
  writer.destroy()
  await eventually(() => server.context.rooms.loadedRoomCount === 0, 5000, 'the board to unload')
  const stored = readLogFile(await readFile(server.context.rooms.logPath(people.board.id, 'board')))
  expect(stored.updates).toHaveLength(1) // compacted on unload: the deferred path

  const { status, json } = await request(
    server.url,
    'POST',
    `/api/boards/${people.board.id}/outcomes`,
    { note: 'After the session' },
    people.facilitator.token,
  )
  expect(status).toBe(201)
  expect(json.outcome.objectives.map((o: { title: string }) => o.title)).toEqual([
    'Win the smiles of more customers',
    'Support that answers, today',
  ])
})
