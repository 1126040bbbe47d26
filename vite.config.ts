import { constants as zlibConstants } from 'node:zlib'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'

const serverPort = process.env.CATCHBALL_DEV_SERVER_PORT ?? '8787'

// The client lives in client/; `vite build` writes dist/, `vite build --mode test` writes
// dist-test/ (a build that also exposes window.__catchball for the browser tests).
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [
    react(),
    // Each text file of the build also as .br and .gz beside it, which the server sends
    // to browsers that accept them (server/staticClient.ts): a board's code is 2.4 MiB as
    // built, about a quarter of that compressed. Brotli at its highest quality, since this
    // runs once per build and every person opening a board gains from it.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
    }),
  ],
  build: {
    outDir: mode === 'test' ? '../dist-test' : '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  // @tldraw/assets' `?url` imports cannot be pre-bundled (tldraw issue 4366).
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      // '/api/' with its slash: a bare '/api' prefix would also capture client/api.ts.
      '/api/': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/yjs': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
}))
