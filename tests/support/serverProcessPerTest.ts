import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { startServerProcess, type ServerProcess } from './serverProcess.ts'
import type { YClient } from './yClient.ts'

export interface ProcessPerTest {
  /** This test's data dir: every server it starts shares it, so a restart finds the data. */
  readonly dataDir: string
  /** Clients registered here are destroyed after the test, before the servers. */
  readonly clients: YClient[]
  /** Start `server/main.ts` on the data dir; killed (-9) after the test if still running. */
  start(env?: Record<string, string>): Promise<ServerProcess>
}

/**
 * A fresh data dir for each test and real server processes on it, for the tests that kill,
 * terminate and restart the server: the setup and teardown they share, written once.
 */
export function serverProcessPerTest(prefix: string): ProcessPerTest {
  let dataDir = ''
  const started: ServerProcess[] = []
  const clients: YClient[] = []
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `catchball-${prefix}-`))
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    for (const server of started.splice(0)) await server.kill9()
    await rm(dataDir, { recursive: true, force: true })
  })
  return {
    get dataDir() {
      return dataDir
    },
    clients,
    async start(env = {}) {
      const server = await startServerProcess(dataDir, env)
      started.push(server)
      return server
    },
  }
}
