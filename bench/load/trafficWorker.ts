import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createCard, getCardMap, setCardText } from '../../shared/boardDoc.ts'
import { newHistogram, record } from './histogram.ts'
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  clockMs,
  decodeMessage,
  encodeAwarenessMessage,
  encodeSync,
  forEachAwarenessEntry,
  forEachStamp,
  presenceJson,
  stampOf,
} from './protocol.ts'
import type {
  ExpectMessage,
  StartMessage,
  TrafficClient,
  WorkerInit,
  WorkerResults,
} from './trafficPlan.ts'
import { workerInbox } from './workerInbox.ts'

/**
 * One load-generator thread: a share of the simulated participants, each one WebSocket
 * speaking the y-websocket protocol (see protocol.ts). Every client moves its cursor
 * (awareness) at cursorHz; writers also edit cards through shared/boardDoc.ts on their own
 * Y.Doc and send the resulting updates. Receivers time what arrives from the stamp inside.
 */
const { clients: specs, settings } = workerData as WorkerInit
const port = parentPort!
const nextMessage = workerInbox(port)
const total = settings.roomOf.length
const TICK_MS = 4

interface Client extends TrafficClient {
  socket: WebSocket
  doc: Y.Doc | null
  /** Highest measured cursor seq seen, per sender (global index). */
  maxSeq: Int32Array
  editsReceived: number
  cursorSeq: number
  editSeq: number
  clock: number
  nextCursorAt: number
  nextEditAt: number
  cardId: string
  title: string
  edits: number
  synced: boolean
}

const cursor = newHistogram()
const doc = newHistogram()
let cursorCovered = 0
let cursorReceived = 0
let messagesReceived = 0
let bytesReceived = 0
let socketsClosedEarly = 0
let closing = false

const membersOf = new Map<number, number[]>()
settings.roomOf.forEach((room, index) => {
  if (!membersOf.has(room)) membersOf.set(room, [])
  membersOf.get(room)!.push(index)
})

/** The measured window, once known: message and byte counts cover only that. */
let measuredWindow: StartMessage | null = null

function onMessage(client: Client, data: Uint8Array): void {
  const now = clockMs()
  const w = measuredWindow
  if (w && now >= w.measureFrom && now < w.endAt) {
    messagesReceived++
    bytesReceived += data.byteLength
  }
  const message = decodeMessage(data)
  if (message.kind === 'awareness') {
    // The same states back, as a stock provider re-encodes what it just applied.
    if (settings.echoAwareness) send(client, data)
    forEachAwarenessEntry(message.payload, (clientId, seq, sentAt) => {
      const sender = clientId - 1
      if (seq < 1 || sender === client.index || sender < 0 || sender >= total) return
      const before = client.maxSeq[sender]
      if (seq <= before) return
      cursorCovered += seq - before
      client.maxSeq[sender] = seq
      cursorReceived++
      record(cursor, now - sentAt)
    })
  } else if (message.kind === 'update') {
    forEachStamp(message.payload, (writer, seq, sentAt) => {
      if (seq < 1 || writer === client.index) return
      client.editsReceived++
      record(doc, now - sentAt)
    })
  } else if (message.kind === 'syncStep1') {
    const answer = client.doc ? Y.encodeStateAsUpdate(client.doc, message.payload) : EMPTY_UPDATE
    client.socket.send(encodeSync(SYNC_STEP2, answer))
  } else if (message.kind === 'syncStep2') {
    client.synced = true
  }
}

function connect(spec: TrafficClient): Promise<Client> {
  const socket = new WebSocket(spec.url, { perMessageDeflate: false })
  const client: Client = {
    ...spec,
    socket,
    doc: spec.writer ? new Y.Doc() : null,
    maxSeq: new Int32Array(total),
    editsReceived: 0,
    cursorSeq: 0,
    editSeq: 0,
    clock: 0,
    nextCursorAt: 0,
    nextEditAt: 0,
    cardId: '',
    title: '',
    edits: 0,
    synced: false,
  }
  client.doc?.on('update', (update: Uint8Array) => send(client, encodeSync(SYNC_UPDATE, update)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${spec.index}: no sync`)), 30_000)
    socket.on('open', () => socket.send(encodeSync(SYNC_STEP1, EMPTY_STATE_VECTOR)))
    socket.on('message', (data: Buffer) => {
      onMessage(client, data)
      if (client.synced) {
        clearTimeout(timer)
        resolve(client)
      }
    })
    socket.on('error', () => undefined)
    socket.on('close', (code) => {
      clearTimeout(timer)
      if (!closing) socketsClosedEarly++
      reject(new Error(`client ${spec.index}: closed with ${code}`))
    })
  })
}

function send(client: Client, message: Uint8Array): void {
  if (client.socket.readyState === WebSocket.OPEN) client.socket.send(message)
}

function moveCursor(client: Client, now: number, measured: boolean): void {
  const seq = measured ? ++client.cursorSeq : 0
  const x = Math.round(1000 + 800 * Math.sin(now / 700 + client.index))
  const y = Math.round(600 + 500 * Math.cos(now / 900 + client.index))
  const json = presenceJson(seq, now, client.index, x, y)
  send(client, encodeAwarenessMessage(client.index + 1, ++client.clock, json))
}

/** One real card edit: a new card every tenth edit, else one more character in the title. */
function edit(client: Client, now: number, measured: boolean): void {
  const ydoc = client.doc!
  const seq = measured ? ++client.editSeq : 0
  ydoc.transact(() => {
    if (client.edits % 10 === 0) {
      client.title = `Key result ${client.index}.${client.edits}`
      client.cardId = createCard(ydoc, {
        kind: 'keyResult',
        title: client.title,
        createdBy: `Bench ${client.index}`,
      })
    } else {
      client.title += 'abcdefghij'[client.edits % 10]
      setCardText(ydoc, client.cardId, 'title', client.title)
    }
    getCardMap(ydoc, client.cardId)!.set('benchStamp', stampOf(client.index, seq, now))
  })
  client.edits++
}

async function connectAll(): Promise<Client[]> {
  const connected: Client[] = []
  let next = 0
  const lane = async () => {
    while (next < specs.length) connected.push(await connect(specs[next++]))
  }
  await Promise.all(Array.from({ length: settings.connectConcurrency }, lane))
  return connected
}

function runLoad(clients: Client[], start: StartMessage): Promise<{ skipped: number[] }> {
  const cursorPeriod = settings.cursorHz > 0 ? 1000 / settings.cursorHz : Infinity
  const editPeriod = settings.editHz > 0 ? 1000 / settings.editHz : Infinity
  for (const client of clients) {
    // Spread clients over the period so a room does not move in lockstep.
    const phase = ((client.index * 7919) % 1000) / 1000
    client.nextCursorAt = start.startAt + phase * Math.min(cursorPeriod, 1000)
    client.nextEditAt = start.startAt + phase * Math.min(editPeriod, 1000)
  }
  const skipped = [0, 0]
  const maxTicks = Math.ceil((start.endAt - clockMs()) / TICK_MS) * 4 + 100
  let ticks = 0
  return new Promise((resolve) => {
    const tick = () => {
      const now = clockMs()
      if (now >= start.endAt || ++ticks > maxTicks) return resolve({ skipped })
      const measured = now >= start.measureFrom
      for (const client of clients) {
        if (client.nextCursorAt <= now) {
          moveCursor(client, now, measured)
          client.nextCursorAt += cursorPeriod
          // Late by more than a period: skip the missed slots rather than burst.
          if (client.nextCursorAt < now) {
            const missed = Math.ceil((now - client.nextCursorAt) / cursorPeriod)
            client.nextCursorAt += missed * cursorPeriod
            skipped[0] += missed
          }
        }
        if (client.writer && client.nextEditAt <= now) {
          edit(client, now, measured)
          client.nextEditAt += editPeriod
          if (client.nextEditAt < now) {
            const missed = Math.ceil((now - client.nextEditAt) / editPeriod)
            client.nextEditAt += missed * editPeriod
            skipped[1] += missed
          }
        }
      }
      setTimeout(tick, TICK_MS)
    }
    setTimeout(tick, Math.max(0, start.startAt - clockMs()))
  })
}

/** Expected deliveries given every sender's final counts, and how many arrived so far. */
function tally(clients: Client[], expect: ExpectMessage) {
  let cursorExpected = 0
  let cursorPairs = 0
  let cursorPairsFinal = 0
  let editsExpected = 0
  let editsReceived = 0
  for (const client of clients) {
    for (const sender of membersOf.get(settings.roomOf[client.index])!) {
      if (sender === client.index) continue
      editsExpected += expect.editSeq[sender]
      const last = expect.cursorSeq[sender]
      if (last === 0) continue
      cursorExpected += last
      cursorPairs++
      if (client.maxSeq[sender] >= last) cursorPairsFinal++
    }
    editsReceived += client.editsReceived
  }
  const complete = cursorPairsFinal === cursorPairs && editsReceived >= editsExpected
  return { cursorExpected, cursorPairs, cursorPairsFinal, editsExpected, editsReceived, complete }
}

async function main(): Promise<void> {
  const connectStart = clockMs()
  const clients = await connectAll()
  port.postMessage({ type: 'ready', connectMs: clockMs() - connectStart, failed: 0 })
  const start = await nextMessage<StartMessage>('start')
  measuredWindow = start
  const elu = performance.eventLoopUtilization()
  const { skipped } = await runLoad(clients, start)
  const cursorSeq = Array.from({ length: total }, () => 0)
  const editSeq = Array.from({ length: total }, () => 0)
  for (const client of clients) {
    cursorSeq[client.index] = client.cursorSeq
    editSeq[client.index] = client.editSeq
  }
  port.postMessage({
    type: 'sendingDone',
    cursorSeq,
    editSeq,
    cursorSlotsSkipped: skipped[0],
    editSlotsSkipped: skipped[1],
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
  })
  const expect = await nextMessage<ExpectMessage>('expect')
  const drainStart = clockMs()
  let counts = tally(clients, expect)
  while (!counts.complete && clockMs() - drainStart < settings.drainMaxMs) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    counts = tally(clients, expect)
  }
  const results: WorkerResults = {
    type: 'results',
    cursor,
    doc,
    cursorCovered,
    cursorReceived,
    ...counts,
    drainMs: clockMs() - drainStart,
    messagesReceived,
    bytesReceived,
    socketsClosedEarly,
  }
  port.postMessage(results)
  await nextMessage('close')
  closing = true
  for (const client of clients) client.socket.terminate()
  port.postMessage({ type: 'closed' })
}

main().catch((err: Error) => {
  port.postMessage({ type: 'failed', error: err.stack ?? err.message })
})
