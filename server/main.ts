import { buildApp } from './app.ts'
import { loadConfig } from './config.ts'

/** Process entry: read config, listen, and on SIGTERM/SIGINT flush everything and exit. */
const config = loadConfig()
const { app } = await buildApp(config)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  app.log.info({ signal }, 'shutting down: flushing boards to disk')
  // Exit even if something hangs; the logs are fsynced as they go, so little can be lost.
  const deadline = setTimeout(() => process.exit(1), 4_500)
  deadline.unref()
  await app.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

const address = await app.listen({ host: config.HOST, port: config.PORT })
const shown = config.PUBLIC_URL || address.replace('127.0.0.1', 'localhost')
console.log(`Catchball is running at ${shown}  (data in ${config.DATA_DIR})`)
