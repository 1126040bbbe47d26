import { parentPort, workerData } from 'node:worker_threads'
import { connectClientAt, waitForSync } from '../../tests/support/yClient.ts'
import { workerInbox } from '../load/workerInbox.ts'
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
const nextMessage = workerInbox(port)

async function main() {
  const writer = connectClientAt(job.writerUrl)
  const reader = connectClientAt(job.readerUrl)
  await Promise.all([waitForSync(writer, 10_000), waitForSync(reader, 10_000)])
  port.postMessage({ type: 'ready' })
  await nextMessage('go')
  let over = false
  let floodSeen = 0
  void nextMessage('stop').then(() => {
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
