import { parentPort, workerData } from 'node:worker_threads'
import { expectedOutcome, malformedCorpus } from '../../tests/support/malformedCorpus.ts'
import { inLanes } from '../../tests/support/inLanes.ts'
import { sendFrame } from '../../tests/support/sendFrame.ts'

/**
 * The barrage, in its own thread so the scenario's main thread stays free to time the healthy
 * room: every corpus frame on its own socket, `lanes` at a time. Reports how each socket
 * ended and how many ended otherwise than the contract says.
 */
export interface CorpusJob {
  url: string
  lanes: number
}

export interface CorpusReport {
  type: 'done'
  frames: number
  byOutcome: Record<string, number>
  unexpected: number
  ms: number
}

const port = parentPort!
const job = workerData as CorpusJob

async function main() {
  const corpus = malformedCorpus()
  port.postMessage({ type: 'ready', frames: corpus.length })
  await new Promise((resolve) => port.once('message', resolve))
  const start = performance.now()
  const results = await inLanes(corpus, job.lanes, (frame) => sendFrame(job.url, frame.bytes))
  const byOutcome: Record<string, number> = {}
  let unexpected = 0
  results.forEach((result, i) => {
    byOutcome[String(result)] = (byOutcome[String(result)] ?? 0) + 1
    const want = expectedOutcome(corpus[i].bytes)
    if (want === 'open' ? result !== 'open' : result !== 4400) unexpected++
  })
  const report: CorpusReport = {
    type: 'done',
    frames: corpus.length,
    byOutcome,
    unexpected,
    ms: performance.now() - start,
  }
  port.postMessage(report)
}

main().catch((err: Error) => port.postMessage({ type: 'failed', error: err.stack ?? err.message }))
