import { readFile } from 'node:fs/promises'
import { join as joinPath } from 'node:path'
import { expect, it } from 'vitest'
import { createBoard, join, request } from '../support/api.ts'
import { serverProcessPerTest } from '../support/serverProcessPerTest.ts'
import { closeCodeOf, connectClient, waitForSync } from '../support/yClient.ts'

const run = serverProcessPerTest('logs')

it('neither the logs (at debug level) nor the database ever contain a token', async () => {
  const server = await run.start({ LOG_LEVEL: 'debug' })
  const board = await createBoard(server.url)
  const person = await join(server.url, board.id, 'Ana', board.tokens.participant)
  await request(server.url, 'GET', `/api/boards/${board.id}`, undefined, person.token)
  await request(server.url, 'GET', `/api/boards/${board.id}`, undefined, 'wrong-token-value-123456')
  const client = connectClient(server.wsUrl, board.id, person.token)
  await waitForSync(client)
  client.destroy()
  await closeCodeOf(`${server.wsUrl}/yjs/${board.id}?token=${board.tokens.viewer}`)
  expect((await server.terminate()).code).toBe(0)

  const output = server.output()
  const database = await readFile(joinPath(run.dataDir, 'catchball.json'), 'utf8')
  const secrets = [...Object.values(board.tokens), person.token, 'wrong-token-value-123456']
  for (const secret of secrets) {
    expect(output).not.toContain(secret)
    expect(database).not.toContain(secret)
  }
  // The logs did record the requests: the check above is not vacuous.
  expect(output).toContain(`/api/boards/${board.id}`)
})
