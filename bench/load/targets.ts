import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBoard, join as joinBoard } from '../../tests/support/api.ts'
import type { ServerProcess } from '../../tests/support/serverProcess.ts'
import { killOnExit, within, type ScenarioContext } from '../support/scenario.ts'
import { inLanes } from '../../tests/support/inLanes.ts'

/**
 * The two servers every load scenario runs against, one after the other (never at the same
 * time, so each has the machine to itself):
 * - Catchball: server/main.ts as a child process with its defaults: auth on (boards and
 *   participants created over HTTP, the personal token in `?token=`) and persistence on
 *   (update log, fsync every batch).
 * - the reference relay: @y/websocket-server 0.1.1's own server.js, in memory, no auth; the
 *   room is the URL path.
 */
export type TargetName = 'Catchball' | 'reference'
export const TARGETS: readonly TargetName[] = ['Catchball', 'reference']

export interface Target {
  name: TargetName
  pid: number
  /** For each room, `perRoom` WebSocket URLs (one per participant). */
  rooms(count: number, perRoom: number, title: string): Promise<string[][]>
  /** Stop the server now (cleanup would do it too); safe to call twice. */
  stop(): Promise<void>
  /** Catchball only: its HTTP base and process, for REST scenarios. */
  server?: ServerProcess
}

const JOIN_CONCURRENCY = 8

/**
 * BENCH_CPU_PROF_DIR=<dir>: the servers under test are CPU-profiled and write
 * <dir>/{catchball,reference}.<pid>.cpuprofile when they stop (Chrome DevTools, speedscope).
 */
const PROFILE_HOOK = fileURLToPath(new URL('./cpuProfileHook.mjs', import.meta.url))
const profileEnv = (): Record<string, string> => {
  if (!process.env.BENCH_CPU_PROF_DIR) return {}
  // NODE_OPTIONS refuses --cpu-prof, but takes --import: the hook profiles in-process.
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : ''
  return { NODE_OPTIONS: `${inherited}--import ${PROFILE_HOOK}` }
}

/**
 * BENCH_CATCHBALL_ENV='AWARENESS_TICK_MS=50 LOG_FSYNC=false': extra settings for every
 * Catchball server the load scenarios start, to try a setting against the same load.
 */
function extraCatchballEnv(): Record<string, string> {
  const pairs = (process.env.BENCH_CATCHBALL_ENV ?? '').split(/\s+/).filter(Boolean)
  // Split at the first '=' only: a value may hold more (NODE_OPTIONS=--flag=value).
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=')
      return [pair.slice(0, at), pair.slice(at + 1)]
    }),
  )
}

export async function startCatchball(ctx: ScenarioContext, env: Record<string, string> = {}) {
  const dataDir = await ctx.tempDir('load')
  const server = await ctx.server(dataDir, { ...profileEnv(), ...extraCatchballEnv(), ...env })
  const target: Target = {
    name: 'Catchball',
    pid: server.child.pid!,
    server,
    async rooms(count, perRoom, title) {
      const boards = await inLanes(Array.from({ length: count }), 4, (_, i) =>
        createBoard(server.url, `${title} ${i + 1}`),
      )
      const seats = boards.flatMap((board) =>
        Array.from({ length: perRoom }, (_, i) => ({ board, name: `Bench ${i + 1}` })),
      )
      const urls = await inLanes(seats, JOIN_CONCURRENCY, async ({ board, name }) => {
        const person = await joinBoard(server.url, board.id, name, board.tokens.participant)
        return `${server.wsUrl}/yjs/${board.id}?token=${person.token}`
      })
      return boards.map((_, b) => urls.slice(b * perRoom, (b + 1) * perRoom))
    },
    async stop() {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        await within(6_000, server.terminate(), 'Catchball SIGTERM').catch(() => server.kill9())
      }
    },
  }
  return target
}

const REFERENCE_SERVER = join(
  dirname(fileURLToPath(import.meta.resolve('@y/websocket-server/package.json'))),
  'src',
  'server.js',
)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startReference(ctx: ScenarioContext): Promise<Target> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [REFERENCE_SERVER], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...profileEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  killOnExit(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await within(5_000, exited, 'reference relay exit').catch(() => child.kill('SIGKILL'))
  }
  ctx.defer(`stop reference relay ${child.pid}`, stop)
  let output = ''
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Keep the start of its output only: under overload it may log a lot.
      if (output.length < 4000) output += chunk.toString()
      if (output.includes('running at')) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`reference relay exited (${code}): ${output}`)))
  })
  await within(15_000, started, 'reference relay start')
  const wsUrl = `ws://127.0.0.1:${port}`
  const run = Math.random().toString(36).slice(2, 8)
  return {
    name: 'reference',
    pid: child.pid!,
    async rooms(count, perRoom, title) {
      const slug = title.replace(/[^A-Za-z0-9]+/g, '-')
      return Array.from({ length: count }, (_, b) =>
        Array.from({ length: perRoom }, () => `${wsUrl}/${slug}-${run}-${b + 1}`),
      )
    },
    stop,
  }
}

export function startTarget(ctx: ScenarioContext, name: TargetName): Promise<Target> {
  return name === 'Catchball' ? startCatchball(ctx) : startReference(ctx)
}
