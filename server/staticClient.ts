import { existsSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { errorBody } from './errors.ts'

/** Where Vite writes the build's fingerprinted files (a new name for every new content). */
const FINGERPRINTED_DIR = 'assets'
const FINGERPRINTED_URL = `/${FINGERPRINTED_DIR}/`

/**
 * Serves the built client and falls back to index.html for client routes (`/b/:id`), so a
 * shared link opens the board. API and WebSocket paths, and build files that do not exist,
 * keep their JSON 404.
 *
 * The build holds each text file also compressed (.br, .gz; vite.config.ts): a browser
 * that accepts brotli or gzip gets that file, with `Vary: Accept-Encoding`, so opening a
 * board downloads about a quarter of the bytes and the server compresses nothing per
 * request. Files without a compressed copy (fonts, images) are sent as they are.
 */
export async function serveClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const root = clientDir ? resolve(clientDir) : ''
  const hasClient = root !== '' && existsSync(resolve(root, 'index.html'))
  // Matched on the file's path inside the build, so a build kept under some other
  // `assets` folder does not have its index.html cached for good.
  const fingerprintedFiles = resolve(root, FINGERPRINTED_DIR) + sep
  if (hasClient) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        // A fingerprinted file never changes, so it can be cached for good.
        if (path.startsWith(fingerprintedFiles))
          res.header('cache-control', 'public, max-age=31536000, immutable')
        else res.header('cache-control', 'no-cache')
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/yjs/')
    // A file under assets/ that this build does not hold: most likely a tab opened before
    // the server was updated, asking for a chunk of the build before. It gets a 404, not
    // index.html, which the browser would have refused as a script after downloading it;
    // the page then offers Try again, which loads the current build.
    const isBuildFile = request.url.startsWith(FINGERPRINTED_URL)
    if (hasClient && request.method === 'GET' && !isApi && !isBuildFile) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply
      .code(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`))
  })
}
