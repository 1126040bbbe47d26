// `npm start`: build the client if its build is missing, then run the server.
import { existsSync } from 'node:fs'
import { spawnSync, spawn } from 'node:child_process'

const clientDir = process.env.CLIENT_DIR || './dist'
if (!existsSync(`${clientDir}/index.html`)) {
  console.log(`No client build in ${clientDir}: building it once (npm run build)…`)
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
