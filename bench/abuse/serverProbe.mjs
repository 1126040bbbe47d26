/**
 * Loaded with `--import` (through NODE_OPTIONS, with --expose-gc) into the server under test
 * by the malformedCorpus scenario: measures the server's own event-loop delay. On SIGUSR2 it
 * collects garbage, prints one `catchball-probe {json}` line (delay since the last report,
 * memory after GC) and starts a new delay window. Measuring inside the server is the only way
 * to see its loop; everything else is read from the outside.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

const delay = monitorEventLoopDelay({ resolution: 2 })
delay.enable()
const ms = (ns) => ns / 1e6

process.on('SIGUSR2', () => {
  // Twice: the first pass may only queue finalizers that free more on the second.
  globalThis.gc?.()
  globalThis.gc?.()
  const memory = process.memoryUsage()
  const report = {
    gc: typeof globalThis.gc === 'function',
    delayMs: {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      samples: delay.count,
    },
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    arrayBuffersBytes: memory.arrayBuffers,
  }
  delay.reset()
  process.stdout.write(`catchball-probe ${JSON.stringify(report)}\n`)
})
