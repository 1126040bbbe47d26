import { readdir } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { rawUpgrade } from '../support/rawUpgrade.ts'
import { newServer, type TestServer } from '../support/testServer.ts'

let server: TestServer
beforeAll(async () => {
  server = await newServer()
})
afterAll(() => server.destroy())

const tooLong = 'a'.repeat(65)

/** Every file under the data dir, to show nothing was created or touched. */
async function dataFiles(): Promise<string[]> {
  const entries = await readdir(server.dataDir, { recursive: true })
  return entries.map(String).toSorted()
}

/**
 * The public contract (ARCHITECTURE.md, "Contract: WebSocket") accepts every upgrade under
 * /yjs/ and closes a malformed room id with 4400, because the stock y-websocket client stops
 * reconnecting on 4400–4499 but retries forever after a refused upgrade. What matters is
 * that such an id opens nothing: no room, no file, no read outside the data dir.
 */
it.each([
  ['..', `/yjs/..`],
  ['.. in the middle', `/yjs/BOARD/../../etc`],
  ['encoded dots', `/yjs/%2e%2e`],
  ['an encoded slash', `/yjs/BOARD%2Fcontrol`],
  ['a percent sign', `/yjs/BOARD%25`],
  ['too many segments', `/yjs/BOARD/control/extra`],
  ['65 characters', `/yjs/${tooLong}`],
  ['an empty id', `/yjs/`],
])('a room id with %s is closed with 4400 and opens nothing', async (_what, template) => {
  const { board, participants } = await boardWithPeople(server, 1)
  const before = await dataFiles()
  const roomsBefore = server.context.rooms.loadedRoomCount
  const path = `${template.replace('BOARD', board.id)}?token=${participants[0].token}`
  expect(await rawUpgrade(server.url, path)).toEqual({ closeCode: CloseCode.Malformed })
  expect(server.context.rooms.loadedRoomCount).toBe(roomsBefore)
  expect(await dataFiles()).toEqual(before)
})

it('the HTTP API answers the same ids with a 400 and a JSON error', async () => {
  for (const id of ['..', '%2e%2e', 'a%2Fb', 'a%25', tooLong]) {
    const { status, body } = await rawGet(server.url, `/api/boards/${id}`)
    expect(status, id).toBe(400)
    expect(JSON.parse(body).error, id).toMatchObject({
      code: 'bad_request',
      message: expect.any(String),
    })
  }
})

/** A GET whose path is sent as written (fetch would resolve the dots first). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}
