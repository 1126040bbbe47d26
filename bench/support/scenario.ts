import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerProcess, type ServerProcess } from '../../tests/support/serverProcess.ts'
import { connectClient, type YClient } from '../../tests/support/yClient.ts'
import { childPidsMatching } from './procStats.ts'

/** One measured number, printed as `scenario: label value unit`. */
export interface Figure {
  label: string
  value: number | string | boolean
  unit: string
}

export interface ScenarioResult {
  figures: Figure[]
  /** Everything else worth keeping in bench/results/<name>.json (raw samples, settings). */
  details: Record<string, unknown>
}

export interface Scenario {
  name: string
  description: string
  /** Hard limit: past it the scenario is abandoned, cleaned up and reported as failed. */
  timeoutMs: number
  run(ctx: ScenarioContext): Promise<ScenarioResult>
}

/** Server children still alive, killed synchronously should the bench exit abruptly. */
const liveChildren = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL')
})

/** Any other child a scenario starts (the reference relay): killed too if the bench exits. */
export function killOnExit(child: ChildProcess): void {
  liveChildren.add(child)
  child.once('exit', () => liveChildren.delete(child))
}

const SERVER_ENTRY = 'server/main.ts'
const CLEANUP_STEP_MS = 10_000

/**
 * What a scenario owns (temp dirs, server processes, clients). Every resource is registered
 * the moment it exists and released in reverse order when the scenario ends, however it ends.
 */
export class ScenarioContext {
  private readonly cleanups: { what: string; release: () => Promise<void> | void }[] = []
  private closed = false
  /** Server starts in flight: cleanup waits for them, so a late server is still stopped. */
  private readonly starting = new Set<Promise<unknown>>()
  private cleaning: Promise<void> | null = null

  defer(what: string, release: () => Promise<void> | void): void {
    // A run abandoned at its timeout may still create things: release them at once.
    if (this.closed) void Promise.resolve(release()).catch(() => undefined)
    else this.cleanups.push({ what, release })
  }

  async tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `catchball-bench-${prefix}-`))
    this.defer(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
    return dir
  }

  /** `server/main.ts` as a child process (its own event loop), stopped at cleanup. */
  async server(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const before = new Set(childPidsMatching(SERVER_ENTRY))
    const start = startServerProcess(dataDir, env)
    this.starting.add(start)
    let server: ServerProcess
    try {
      server = await start
    } catch (err) {
      // A failed start does not hand back its child: find it by parent pid and kill it.
      for (const pid of childPidsMatching(SERVER_ENTRY)) {
        if (!before.has(pid)) process.kill(pid, 'SIGKILL')
      }
      throw err
    } finally {
      this.starting.delete(start)
    }
    killOnExit(server.child)
    this.defer(`stop server ${server.child.pid}`, () => stopServer(server))
    return server
  }

  /** A connected client; destroying it early (to make a room unload) is allowed. */
  client(wsUrl: string, room: string, token: string): YClient {
    const client = connectClient(wsUrl, room, token)
    let destroyed = false
    const destroy = () => {
      if (destroyed) return
      destroyed = true
      client.destroy()
    }
    this.defer('destroy client', destroy)
    return { ...client, destroy }
  }

  /**
   * Release everything, newest first; one failing release does not skip the others. A second
   * call (Ctrl-C during the first) waits for the same cleanup instead of racing it.
   */
  cleanup(): Promise<void> {
    this.cleaning ??= this.releaseAll()
    return this.cleaning
  }

  private async releaseAll(): Promise<void> {
    // startServerProcess gives up by itself after 20 s, so this wait is bounded.
    await Promise.allSettled(this.starting)
    this.closed = true
    for (const { what, release } of this.cleanups.splice(0).toReversed()) {
      try {
        await within(CLEANUP_STEP_MS, Promise.resolve(release()), `cleanup: ${what}`)
      } catch (err) {
        console.error(`  ! ${(err as Error).message}`)
      }
    }
  }
}

/** SIGTERM (the server flushes its logs), and kill -9 if it has not exited in time. */
async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    await within(6_000, server.terminate(), 'server SIGTERM')
  } catch {
    await server.kill9()
  }
}

/** Reject with a readable message if `work` has not settled within `ms`. */
export async function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export interface ScenarioOutcome {
  name: string
  ok: boolean
  durationMs: number
  result?: ScenarioResult
  error?: string
}

/** The context of the scenario running now, for an interrupted bench to clean up. */
let active: ScenarioContext | null = null

export function cleanupActiveScenario(): Promise<void> {
  return active ? active.cleanup() : Promise.resolve()
}

/** Run one scenario under its hard timeout, then clean up whatever it left. */
export async function runScenario(scenario: Scenario): Promise<ScenarioOutcome> {
  const ctx = new ScenarioContext()
  active = ctx
  const start = performance.now()
  const work = scenario.run(ctx)
  // An abandoned run may still reject after the timeout; that must not crash the bench.
  work.catch(() => undefined)
  try {
    const result = await within(scenario.timeoutMs, work, scenario.name)
    return { name: scenario.name, ok: true, durationMs: performance.now() - start, result }
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err)
    return { name: scenario.name, ok: false, durationMs: performance.now() - start, error }
  } finally {
    await ctx.cleanup()
    active = null
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
