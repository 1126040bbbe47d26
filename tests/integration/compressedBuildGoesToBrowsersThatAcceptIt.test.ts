import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawGet } from '../support/rawGet.ts'
import { newServer, type TestServer } from '../support/testServer.ts'

/**
 * A client build as vite.config.ts writes it: each text file beside its .br and .gz copies,
 * fonts alone. The server picks the copy the browser accepts (server/staticClient.ts).
 */
const script = 'export const card = { title: "Grow revenue 20 %" };\n'.repeat(400)
const font = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))

let clientDir: string
let server: TestServer

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'catchball-client-'))
  await mkdir(join(clientDir, 'assets'))
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Catchball</title>')
  await writeFile(join(clientDir, 'assets', 'board-Ab12.js'), script)
  await writeFile(join(clientDir, 'assets', 'board-Ab12.js.br'), brotliCompressSync(script))
  await writeFile(join(clientDir, 'assets', 'board-Ab12.js.gz'), gzipSync(script))
  await writeFile(join(clientDir, 'assets', 'sans-Cd34.woff2'), font)
  server = await newServer({ CLIENT_DIR: clientDir })
})

afterAll(async () => {
  await server.destroy()
  await rm(clientDir, { recursive: true, force: true })
})

/** What a browser would get, with the `Accept-Encoding` it sends (none if undefined). */
function get(path: string, acceptEncoding?: string) {
  return rawGet(
    `${server.url}${path}`,
    acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  )
}

describe('the client build is sent compressed to browsers that accept it', () => {
  it('a browser that accepts brotli gets the brotli copy, a quarter of the size or less', async () => {
    // What Chromium sends.
    const res = await get('/assets/board-Ab12.js', 'gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    // A cache between server and browser must keep one copy per encoding.
    expect(res.headers['vary']).toMatch(/accept-encoding/i)
    // Fingerprinted assets stay cacheable for good, compressed or not.
    expect(res.headers['cache-control']).toContain('immutable')
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
    // 20 KB of repetitive script compresses to well under a quarter.
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 4)
  })

  it('a browser that accepts only gzip gets the gzip copy', async () => {
    const res = await get('/assets/board-Ab12.js', 'gzip')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe(script)
  })

  it('a client that accepts no encoding gets the file as built', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const res = await get('/assets/board-Ab12.js', acceptEncoding)
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.body.toString()).toBe(script)
    }
  })

  it('a file with no compressed copy (a font) is sent as it is, whatever the browser accepts', async () => {
    const res = await get('/assets/sans-Cd34.woff2', 'gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.equals(font)).toBe(true)
  })

  it('a board link still opens the app (index.html has no compressed copy)', async () => {
    const page = await get('/b/AbCdEf123', 'gzip, deflate, br, zstd')
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(page.body.toString()).toContain('<title>Catchball</title>')
  })
})

describe('a build file the server does not hold', () => {
  it('is a 404 with the JSON error, not the app page, so a tab from an older build sees its chunk fail', async () => {
    const res = await get('/assets/board-Old9.js', 'gzip, deflate, br, zstd')
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'not_found' } })
    // Not cached as if it were a fingerprinted file.
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable')
  })
})
