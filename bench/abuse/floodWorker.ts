import { parentPort, workerData } from 'node:worker_threads'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { encodeSync, SYNC_UPDATE } from '../load/protocol.ts'
import { workerInbox } from '../load/workerInbox.ts'
import { delay, within } from '../support/scenario.ts'

/**
 * The flooder, in its own thread so the scenario's main thread stays free to time the edits:
 * one socket, one-character Y.Text updates (each valid and building on the last), sent for
 * `ms` while the socket's queue holds less than `queueBytes`, so the sender is never the one
 * waiting. Reports how many it sent.
 */
export interface FloodJob {
  url: string
  ms: number
  queueBytes: number
}

export interface FloodReport {
  type: 'done'
  sent: number
}

const port = parentPort!
const job = workerData as FloodJob
const nextMessage = workerInbox(port)

async function main() {
  const socket = new WebSocket(job.url, { perMessageDeflate: false })
  socket.on('error', () => undefined)
  await within(10_000, new Promise((resolve) => socket.once('open', resolve)), 'flooder open')
  port.postMessage({ type: 'ready' })
  await nextMessage('go')
  const doc = new Y.Doc()
  const text = doc.getText('flood')
  let frame: Uint8Array = new Uint8Array()
  doc.on('update', (update: Uint8Array) => (frame = encodeSync(SYNC_UPDATE, update)))
  let sent = 0
  const end = performance.now() + job.ms
  while (performance.now() < end && socket.readyState === WebSocket.OPEN) {
    while (socket.bufferedAmount < job.queueBytes && performance.now() < end) {
      text.insert(text.length, 'x')
      socket.send(frame)
      sent++
    }
    await delay(1)
  }
  socket.terminate()
  const report: FloodReport = { type: 'done', sent }
  port.postMessage(report)
}

main().catch((err: Error) => port.postMessage({ type: 'failed', error: err.stack ?? err.message }))
