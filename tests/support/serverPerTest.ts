import { afterEach, beforeEach } from 'vitest'
import type { Config } from '../../server/config.ts'
import { newServer, type TestServer } from './testServer.ts'
import { connectClient, waitForSync, type YClient } from './yClient.ts'

export interface PerTest {
  /** This test's server (fresh for every test, on port 0, with its own data dir). */
  readonly server: TestServer
  /** Clients registered here are destroyed after the test, before the server. */
  readonly clients: YClient[]
}

/**
 * A fresh real server for each test, torn down after it with every client the test
 * registered: the setup almost every integration test needs, written once.
 */
export function serverPerTest(overrides: Partial<Config> = {}): PerTest {
  let server: TestServer | null = null
  const clients: YClient[] = []
  beforeEach(async () => {
    server = await newServer(overrides)
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await server?.destroy()
    server = null
  })
  return {
    get server() {
      if (!server) throw new Error('serverPerTest: no server outside a test')
      return server
    },
    clients,
  }
}

/**
 * Connect one stock client per token to a board on this test's server, registered for
 * teardown, and wait until every one has synced.
 */
export async function syncedClients(
  perTest: PerTest,
  boardId: string,
  tokens: readonly string[],
): Promise<YClient[]> {
  const clients = tokens.map((token) => connectClient(perTest.server.wsUrl, boardId, token))
  perTest.clients.push(...clients)
  await Promise.all(clients.map((client) => waitForSync(client)))
  return clients
}
