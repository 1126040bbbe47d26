// `npm run dev`: the server (restarting on change) on 8787 and Vite's dev server, which
// proxies /api, /healthz and /yjs to it.
import { spawn } from 'node:child_process'

const port = process.env.CATCHBALL_DEV_SERVER_PORT || '8787'
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: port, CLIENT_DIR: '' },
  }),
  spawn('npx', ['vite'], {
    stdio: 'inherit',
    env: { ...process.env, CATCHBALL_DEV_SERVER_PORT: port },
  }),
]
const stopAll = (signal) => children.forEach((child) => child.kill(signal))
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal))
for (const child of children) child.on('exit', () => stopAll('SIGTERM'))
