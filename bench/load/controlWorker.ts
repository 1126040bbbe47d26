import { parentPort, workerData } from 'node:worker_threads'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { getRounds } from '../../shared/controlDoc.ts'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  SYNC_STEP1,
  SYNC_STEP2,
  clockMs,
  decodeMessage,
  encodeSync,
} from './protocol.ts'

/**
 * Vote-burst watchers: each client holds the board's control document (a real Y.Doc,
 * updated from the server over the y-websocket protocol) and notes the moment the round's
 * published tally equals the expected one exactly, and whether it ever went over (a ballot
 * counted twice).
 */
export interface ControlWatchInit {
  urls: string[]
  roundId: string
  expected: Record<string, number>
  voters: number
}

export interface ControlWatchResults {
  type: 'results'
  /** clockMs() at which each client first held the exact tally (-1: never). */
  exactAt: number[]
  /** Some client saw a card above its final count, or more voters than there are. */
  overshoot: boolean
  overshootDetail: string | null
}

const { urls, roundId, expected, voters } = workerData as ControlWatchInit
const port = parentPort!
const exactAt = urls.map(() => -1)
let overshootDetail: string | null = null
let reported = false
const sockets: WebSocket[] = []

function check(index: number, doc: Y.Doc): void {
  const round = getRounds(doc).get(roundId) as PublishedRound | undefined
  const tally = (round?.tally ?? null) as Record<string, number> | null
  if (!round || !tally) return
  let exact = round.voters === voters
  for (const [cardId, dots] of Object.entries(tally)) {
    if (dots > (expected[cardId] ?? 0) && !overshootDetail) {
      overshootDetail = `client ${index} saw ${dots} dots on ${cardId} (expected ${expected[cardId] ?? 0})`
    }
    if (dots !== (expected[cardId] ?? 0)) exact = false
  }
  if (round.voters > voters && !overshootDetail) {
    overshootDetail = `client ${index} saw ${round.voters} voters (there are ${voters})`
  }
  for (const cardId of Object.keys(expected)) if (tally[cardId] !== expected[cardId]) exact = false
  if (exact && exactAt[index] === -1) {
    exactAt[index] = clockMs()
    if (exactAt.every((at) => at !== -1)) report()
  }
}

function report(): void {
  if (reported) return
  reported = true
  const results: ControlWatchResults = {
    type: 'results',
    exactAt,
    overshoot: overshootDetail !== null,
    overshootDetail,
  }
  port.postMessage(results)
}

function connect(url: string, index: number): Promise<void> {
  const doc = new Y.Doc()
  const socket = new WebSocket(url, { perMessageDeflate: false })
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(encodeSync(SYNC_STEP1, EMPTY_STATE_VECTOR)))
    socket.on('message', (data: Buffer) => {
      const message = decodeMessage(data)
      if (message.kind === 'syncStep1') socket.send(encodeSync(SYNC_STEP2, EMPTY_UPDATE))
      if (message.kind !== 'syncStep2' && message.kind !== 'update') return
      Y.applyUpdate(doc, message.payload)
      if (message.kind === 'syncStep2') resolve()
      check(index, doc)
    })
    socket.on('error', () => undefined)
    socket.on('close', (code) => reject(new Error(`control client ${index} closed (${code})`)))
  })
}

async function main(): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < urls.length) {
      const i = next++
      await connect(urls[i], i)
    }
  }
  await Promise.all(Array.from({ length: 16 }, lane))
  port.postMessage({ type: 'ready' })
}

port.on('message', (message: { type: string }) => {
  if (message.type === 'report') report()
  if (message.type === 'close') {
    for (const socket of sockets) socket.terminate()
    port.postMessage({ type: 'closed' })
  }
})

main().catch((err: Error) => port.postMessage({ type: 'failed', error: err.stack ?? err.message }))
