import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildApp, type CatchballApp } from '../../server/app.ts'
import { testConfig, type Config } from '../../server/config.ts'

export interface TestServer extends CatchballApp {
  url: string
  wsUrl: string
  dataDir: string
  config: Config
  /** Close the server (flushing logs) but keep the data dir, e.g. to restart on it. */
  stop(): Promise<void>
  /** Close and delete the data dir. */
  destroy(): Promise<void>
}

/** A real Catchball server on 127.0.0.1, port 0, with its own temp data dir. */
export async function newServer(
  overrides: Partial<Config> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'catchball-test-')))
  const config = testConfig(dir, { HOST: '127.0.0.1', LOG_FSYNC: false, ...overrides })
  const built = await buildApp(config)
  await built.app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = built.app.server.address() as AddressInfo
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await built.app.close()
  }
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir: dir,
    config,
    stop,
    destroy: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
