import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { createBoard, join, request } from '../support/api.ts'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts'
import { closeCodeOf, connectClient, waitForSync } from '../support/yClient.ts'

let server: ServerProcess | null = null
let dataDir = ''
afterEach(async () => {
  await server?.kill9()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

it('neither the logs (at debug level) nor the database ever contain a token', async () => {
  dataDir = await mkdtemp(joinPath(tmpdir(), 'catchball-logs-'))
  server = await startServerProcess(dataDir, { LOG_LEVEL: 'debug' })
  const board = await createBoard(server.url)
  const person = await join(server.url, board.id, 'Ana', board.tokens.participant)
  await request(server.url, 'GET', `/api/boards/${board.id}`, undefined, person.token)
  await request(server.url, 'GET', `/api/boards/${board.id}`, undefined, 'wrong-token-value-123456')
  const client = connectClient(server.wsUrl, board.id, person.token)
  await waitForSync(client)
  client.destroy()
  await closeCodeOf(`${server.wsUrl}/yjs/${board.id}?token=${board.tokens.viewer}`)
  const stopped = server
  server = null
  expect((await stopped.terminate()).code).toBe(0)

  const output = stopped.output()
  const database = await readFile(joinPath(dataDir, 'catchball.json'), 'utf8')
  const secrets = [...Object.values(board.tokens), person.token, 'wrong-token-value-123456']
  for (const secret of secrets) {
    expect(output).not.toContain(secret)
    expect(database).not.toContain(secret)
  }
  // The logs did record the requests: the check above is not vacuous.
  expect(output).toContain(`/api/boards/${board.id}`)
})
