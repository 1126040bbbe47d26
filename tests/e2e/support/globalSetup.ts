import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { APP_URL_ENV } from './appUrl.ts'

const ROOT = resolve(import.meta.dirname, '../../..')
const BUILD_DIR = join(ROOT, 'dist-test')
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 6_000

/**
 * Once per run: build the test client (it exposes `window.__catchball`), start the real
 * server on a free port with a fresh data dir, and publish its URL to the workers through
 * the environment (workers are forked after this and inherit it). The returned function is
 * Playwright's global teardown: it stops the server and deletes the run's temp dir.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  buildTestClient()
  const runDir = await mkdtemp(join(tmpdir(), 'catchball-e2e-'))
  let server: RunningServer
  try {
    // The server gets its own copy of the build: another run rebuilding dist-test/ (a
    // colleague, or `npm run build:test`) must not swap the files under a running suite.
    const clientDir = join(runDir, 'client')
    await cp(BUILD_DIR, clientDir, { recursive: true })
    const dataDir = join(runDir, 'data')
    await mkdir(dataDir)
    server = await startServer({ clientDir, dataDir })
  } catch (error) {
    await rm(runDir, { recursive: true, force: true })
    throw error
  }
  process.env[APP_URL_ENV] = server.url
  console.log(`[e2e] server at ${server.url}, data in ${runDir}`)

  // Playwright skips the teardown when the global timeout has run out (and nothing runs on
  // a crash): never leave a server or its files behind when the runner exits.
  const cleanUpNow = () => {
    server.kill()
    rmSync(runDir, { recursive: true, force: true })
  }
  process.once('exit', cleanUpNow)

  return async () => {
    process.off('exit', cleanUpNow)
    await server.stop()
    await rm(runDir, { recursive: true, force: true })
  }
}

function buildTestClient(): void {
  const skip = process.env.CATCHBALL_E2E_SKIP_BUILD === '1'
  if (skip && existsSync(join(BUILD_DIR, 'index.html'))) {
    console.log('[e2e] CATCHBALL_E2E_SKIP_BUILD=1: reusing dist-test/ as it is')
    return
  }
  // Always rebuilt by default: a stale dist-test/ would test yesterday's client.
  console.log('[e2e] building the test client: npx vite build --mode test')
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'test'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (build.status !== 0) {
    throw new Error(`vite build --mode test failed (exit ${build.status ?? build.signal})`)
  }
  if (!existsSync(join(BUILD_DIR, 'index.html'))) {
    throw new Error('vite build --mode test did not write dist-test/index.html')
  }
}

interface RunningServer {
  url: string
  /** Graceful: SIGTERM, wait, SIGKILL if it hangs. */
  stop(): Promise<void>
  /** Immediate and synchronous, for process exit. */
  kill(): void
}

function startServer(dirs: { clientDir: string; dataDir: string }): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dirs.dataDir,
      CLIENT_DIR: dirs.clientDir,
      LOG_LEVEL: 'warn',
      // Share links must stay relative to whatever origin the browser is on.
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  return new Promise((resolveStart, rejectStart) => {
    let output = ''
    let started = false
    const fail = (message: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      rejectStart(new Error(`${message}\n--- server output ---\n${output}`))
    }
    const timer = setTimeout(() => fail('the server did not start in time'), START_TIMEOUT_MS)

    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString()
      // Once running, the server's warnings go to our stderr, so a failing spec shows them.
      if (started) process.stderr.write(prefixLines(text))
      else output += text
      const match = /Catchball is running at (http:\/\/\S+)/.exec(output)
      if (started || !match) return
      started = true
      clearTimeout(timer)
      // The server listens on 127.0.0.1 only; "localhost" may resolve to ::1 first.
      const url = match[1].replace('//localhost:', '//127.0.0.1:').replace(/\/$/, '')
      waitForHealth(url)
        .then(() =>
          resolveStart({
            url,
            stop: () => stopServer(child, exited),
            kill: () => child.kill('SIGKILL'),
          }),
        )
        .catch((error: unknown) => fail(String(error)))
    }
    child.stdout?.on('data', onOutput)
    child.stderr?.on('data', onOutput)
    child.once('exit', (code, signal) => {
      if (!started) fail(`the server exited early (code ${code}, signal ${signal})`)
    })
  })
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`${url}/healthz never answered 200`)
}

/** SIGTERM lets the server flush its logs; SIGKILL if it hangs, so teardown always ends. */
async function stopServer(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timeout = new Promise<'timeout'>((done) =>
    setTimeout(() => done('timeout'), STOP_TIMEOUT_MS).unref(),
  )
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL')
    await exited
  }
}

function prefixLines(text: string): string {
  return text.replace(/^(?=.)/gm, '[server] ')
}
