import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const serverPort = process.env.CATCHBALL_DEV_SERVER_PORT ?? '8787'

// The client lives in client/; `vite build` writes dist/, `vite build --mode test` writes
// dist-test/ (a build that also exposes window.__catchball for the browser tests).
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [react()],
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
