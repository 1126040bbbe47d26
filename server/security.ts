import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { tooMany } from './errors.ts'

/**
 * Security headers and REST rate limits. The Content-Security-Policy allows only this
 * origin: tldraw's fonts, icons and translations are bundled, so nothing else is needed.
 * tldraw sets inline styles and draws with data:/blob: images, hence those allowances.
 */
export async function installSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers ws:/wss: to this same host. Nothing else: this also stops tldraw's
        // unlicensed-production tracking ping, while its watermark stays visible.
        connectSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The board is an app, not a document: no need to be embedded or to leak referrers.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // Plain http on a LAN (HOST=0.0.0.0) must keep working: no forced upgrade to https.
    hsts: false,
  })
  await app.register(rateLimit, {
    max: config.HTTP_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // Static files and health checks are cheap; limit the API only.
    allowList: (request) => !request.url.startsWith('/api/'),
    // Thrown into the app's error handler, which writes the usual JSON error shape.
    errorResponseBuilder: (_request, context) =>
      tooMany(`too many requests: retry in ${Math.ceil(context.ttl / 1000)} s`),
  })
}
