import { join } from 'node:path'
import fastifyWebsocket from '@fastify/websocket'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AppContext } from './appContext.ts'
import type { Config } from './config.ts'
import { installErrorHandling } from './errorHandling.ts'
import { ConnectionRateLimit } from './rooms/connectionRateLimit.ts'
import { installSecurity } from './security.ts'
import { RoomManager } from './rooms/RoomManager.ts'
import { startSocketSession } from './rooms/socketSession.ts'
import { registerBoardRoutes } from './routes/boards.ts'
import { registerRoundRoutes } from './routes/rounds.ts'
import { registerOutcomeRoutes } from './routes/outcomes.ts'
import { OutcomeService } from './outcomes/OutcomeService.ts'
import { serveClient } from './staticClient.ts'
import { Database } from './storage/database.ts'
import { BallotStore } from './voting/ballotStore.ts'
import { RoundService } from './voting/RoundService.ts'

export interface CatchballApp {
  app: FastifyInstance
  context: AppContext
}

/**
 * Build the whole server (routes, WebSocket rooms, static client) without listening, so
 * tests can start it on port 0 and main.ts can own the process. Closing the Fastify
 * instance flushes every room's log and the database.
 */
export async function buildApp(config: Config): Promise<CatchballApp> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Never log a token: they travel in the query string (WebSocket) and Authorization.
      redact: ['req.headers.authorization'],
      serializers: {
        req: (req) => ({
          method: req.method,
          url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
        }),
      },
    },
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
  })
  const db = await Database.open(config.DATA_DIR)
  const ballots = await BallotStore.open(join(config.DATA_DIR, 'ballots.log'), db, {
    fsync: config.LOG_FSYNC,
    compactAfterBytes: config.LOG_COMPACT_AFTER_BYTES,
    compactAfterRecords: config.LOG_COMPACT_AFTER_RECORDS,
    onError: (err) => app.log.error({ err }, 'ballot log write failed'),
  })
  if (ballots.recovery.tornTailBytes > 0) {
    const { tornTailBytes, backupPath } = ballots.recovery
    app.log.warn(
      { tornTailBytes, backup: backupPath },
      'skipped a torn record at the end of the ballot log',
    )
  }
  const rooms = new RoomManager(config, app.log)
  const context: AppContext = { config, db, rooms }

  installErrorHandling(app)
  await installSecurity(app, config)
  const connectionLimit = new ConnectionRateLimit(config.WS_CONNECTIONS_PER_IP_PER_MINUTE)
  await app.register(fastifyWebsocket, { options: { maxPayload: config.WS_MAX_PAYLOAD_BYTES } })

  app.get('/healthz', async () => ({ ok: true }))
  const rounds = new RoundService(db, rooms, ballots)
  registerBoardRoutes(app, context)
  registerRoundRoutes(app, context, rounds)
  registerOutcomeRoutes(app, context, new OutcomeService(context, rounds))
  app.get('/api/time', async () => ({ now: Date.now() }))
  app.get('/yjs/*', { websocket: true }, (socket, request) => {
    startSocketSession(socket, request.raw, { ...context, logger: request.log, connectionLimit })
  })
  await serveClient(app, config.CLIENT_DIR)

  app.addHook('onClose', async () => {
    connectionLimit.stop()
    await rounds.stop()
    await ballots.close()
    await rooms.closeAll()
    await db.write()
  })
  return { app, context }
}
