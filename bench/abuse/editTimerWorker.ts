import { parentPort, workerData } from 'node:worker_threads'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitForSync, type YClient } from '../../tests/support/yClient.ts'
import { timeEdits } from './timedEdits.ts'

/**
 * Two stock clients in one room, in their own thread, timing card edits from one to the
 * other until told to stop (see timedEdits.ts). Each pair of people gets its own thread, so
 * one pair's traffic (a flood it receives) cannot delay the other pair's timing.
 */
export interface EditTimerJob {
  writerUrl: string
  readerUrl: string
}

export interface EditTimerReport {
  type: 'done'
  times: number[]
  /** The length of the reader's `flood` text when told to stop: what it got of a flood. */
  floodSeen: number
}

const port = parentPort!
const job = workerData as EditTimerJob

/** A stock client for a full room URL, Catchball's (`…/yjs/<id>?token=…`) or the relay's. */
function clientAt(url: string): YClient {
  const parsed = new URL(url)
  const slash = parsed.pathname.lastIndexOf('/')
  const server = `${parsed.protocol}//${parsed.host}${parsed.pathname.slice(0, slash)}`
  const token = parsed.searchParams.get('token')
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server, parsed.pathname.slice(slash + 1), doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) }
}

async function main() {
  const writer = clientAt(job.writerUrl)
  const reader = clientAt(job.readerUrl)
  await Promise.all([waitForSync(writer, 10_000), waitForSync(reader, 10_000)])
  port.postMessage({ type: 'ready' })
  await new Promise((resolve) => port.once('message', resolve))
  let over = false
  let floodSeen = 0
  port.once('message', () => {
    over = true
    floodSeen = reader.doc.getText('flood').length
  })
  const times = await timeEdits(writer, reader, () => over)
  writer.destroy()
  reader.destroy()
  const report: EditTimerReport = { type: 'done', times, floodSeen }
  port.postMessage(report)
}

main().catch((err: Error) => port.postMessage({ type: 'failed', error: err.stack ?? err.message }))
