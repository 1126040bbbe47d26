// `npm start`: build the client if its build is missing or older than its sources, then
// run the server. Rebuilding when sources changed keeps a `git pull` + `npm start` from
// serving yesterday's client to today's server.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync, spawn } from 'node:child_process'

const clientDir = process.env.CLIENT_DIR || './dist'
const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json']

/** The newest modification time among the files that make up the client build. */
function newestSourceTime(paths) {
  let newest = 0
  for (const path of paths) {
    if (!existsSync(path)) continue
    const stat = statSync(path)
    if (stat.isDirectory()) {
      const children = readdirSync(path).map((name) => join(path, name))
      newest = Math.max(newest, newestSourceTime(children))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  return newest
}

const builtIndex = `${clientDir}/index.html`
// An explicit CLIENT_DIR is someone else's build: use it as it is.
const stale =
  !process.env.CLIENT_DIR &&
  existsSync(builtIndex) &&
  newestSourceTime(CLIENT_SOURCES) > statSync(builtIndex).mtimeMs
if (!existsSync(builtIndex) || stale) {
  console.log(
    stale
      ? `The client build in ${clientDir} is older than its sources: rebuilding (npm run build)…`
      : `No client build in ${clientDir}: building it once (npm run build)…`,
  )
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
