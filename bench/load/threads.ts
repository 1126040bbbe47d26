import { Worker } from 'node:worker_threads'
import type { ScenarioContext } from '../support/scenario.ts'
import { within } from '../support/scenario.ts'

/**
 * Worker threads for the load generator. The bench runs under `node --import tsx`, but a
 * worker does not inherit that loader in Node 20, so each worker boots through a small
 * eval'd script that registers tsx and then imports the TypeScript module.
 */
const TSX_API = import.meta.resolve('tsx/esm/api')

export interface WorkerHandle {
  worker: Worker
  post(message: unknown): void
  /** The next message of this type (messages of other types are kept for later calls). */
  next<T>(type: string, timeoutMs: number): Promise<T>
}

export function startWorker(ctx: ScenarioContext, module: URL, workerData: unknown): WorkerHandle {
  const boot =
    `import(${JSON.stringify(TSX_API)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
  const worker = new Worker(boot, { eval: true, workerData })
  ctx.defer('terminate worker', () => worker.terminate().then(() => undefined))
  const inbox: { type: string }[] = []
  const waiting: { type: string; resolve: (m: unknown) => void }[] = []
  let failure: Error | null = null
  const rejecters = new Set<(err: Error) => void>()
  const fail = (err: Error) => {
    failure ??= err
    for (const reject of rejecters) reject(err)
  }
  worker.on('message', (message: { type: string; error?: string }) => {
    if (message.type === 'failed') return fail(new Error(`load worker: ${message.error}`))
    const i = waiting.findIndex((w) => w.type === message.type)
    if (i === -1) inbox.push(message)
    else waiting.splice(i, 1)[0].resolve(message)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`load worker exited (code ${code})`)))
  return {
    worker,
    post: (message) => worker.postMessage(message, []),
    next<T>(type: string, timeoutMs: number): Promise<T> {
      const i = inbox.findIndex((m) => m.type === type)
      if (i !== -1) return Promise.resolve(inbox.splice(i, 1)[0] as T)
      if (failure) return Promise.reject(failure)
      let reject!: (err: Error) => void
      const entry = { type, resolve: (_m: unknown) => {} }
      const message = new Promise<T>((resolve, rej) => {
        reject = rej
        entry.resolve = resolve as (m: unknown) => void
        waiting.push(entry)
      })
      rejecters.add(reject)
      return within(timeoutMs, message, `worker message '${type}'`).finally(() => {
        rejecters.delete(reject)
        if (waiting.includes(entry)) waiting.splice(waiting.indexOf(entry), 1)
      })
    },
  }
}

/** Deal items out to `count` workers round-robin, so each gets a share of every room. */
export function deal<T>(items: readonly T[], count: number): T[][] {
  const hands: T[][] = Array.from({ length: count }, () => [])
  items.forEach((item, i) => hands[i % count].push(item))
  return hands
}
