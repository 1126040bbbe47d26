import { readCpuSeconds, readStatusKiB, sampleRss } from '../support/procStats.ts'
import { delay, type ScenarioContext } from '../support/scenario.ts'
import { KiB } from '../support/stats.ts'
import {
  merge,
  newHistogram,
  summarizeHistogram,
  type Histogram,
  type LatencySummary,
} from './histogram.ts'
import { clockMs } from './protocol.ts'
import type { Target } from './targets.ts'
import { deal, startWorker } from './threads.ts'
import type {
  ReadyMessage,
  SendingDoneMessage,
  TrafficClient,
  TrafficSettings,
  WorkerResults,
} from './trafficPlan.ts'

/**
 * Drive one traffic scenario against one server: deal the participants to two worker
 * threads (the machine has two cores; the server is a separate process), let them connect
 * and sync, run warm-up + measured load, then wait until everything sent in the measured
 * window has arrived (or the drain limit). Server CPU and RSS come from /proc of its pid.
 */
export const WORKERS = 2
const WORKER_MODULE = new URL('./trafficWorker.ts', import.meta.url)

export interface TrafficShape {
  rooms: number
  perRoom: number
  writersPerRoom: number
  cursorHz: number
  editHz: number
  warmupMs: number
  durationMs: number
  drainMaxMs: number
  /** Every client sends back the awareness it receives (see TrafficSettings). */
  echoAwareness?: boolean
}

export interface TrafficFigures {
  doc: LatencySummary
  cursor: LatencySummary
  /** Measured edits delivered / expected (each edit to every other participant). */
  docDelivered: number
  /** Cursor states delivered / expected; a state superseded by a newer one counts. */
  cursorDelivered: number
  /** Cursor states received one by one / expected (lower when the server coalesces). */
  cursorReceivedRatio: number
  /** Share of receiver/sender pairs that ended with the sender's last cursor. */
  cursorFinalRatio: number
  drainMs: number
  complete: boolean
  serverCpu: number
  /**
   * Server CPU ms per 1,000 deliveries (cursor states + document updates reaching a
   * receiver), from the start of the measured window until everything had arrived (or the
   * drain limit): what each delivery costs, even for a server that cannot keep up.
   */
  serverCpuPerThousand: number
  serverPeakRssMiB: number
  serverHwmMiB: number
  connectMs: number
  harnessCpu: number
  workerUtilization: number[]
  achievedCursorHz: number
  achievedEditHz: number
  messagesPerClientPerSecond: number
  receivedMiBPerSecond: number
  socketsClosedEarly: number
}

/** One run's figures, with the latencies it summarizes (to pool several runs). */
export interface TrafficRun {
  figures: TrafficFigures
  doc: Histogram
  cursor: Histogram
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b)

/** Something else measured over exactly the measured window (a browser on the board). */
export interface MeasuredWindow {
  start(): Promise<void>
  end(): Promise<void>
}

export async function measureTraffic(
  ctx: ScenarioContext,
  target: Target,
  shape: TrafficShape,
  title: string,
  alongside?: MeasuredWindow,
): Promise<TrafficRun> {
  const urls = await target.rooms(shape.rooms, shape.perRoom, title)
  const clients: TrafficClient[] = urls.flatMap((room, r) =>
    room.map((url, i) => ({ index: r * shape.perRoom + i, url, writer: i < shape.writersPerRoom })),
  )
  const settings: TrafficSettings = {
    roomOf: clients.map((c) => Math.floor(c.index / shape.perRoom)),
    cursorHz: shape.cursorHz,
    editHz: shape.editHz,
    connectConcurrency: 16,
    connectTimeoutMs: 90_000,
    drainMaxMs: shape.drainMaxMs,
    echoAwareness: shape.echoAwareness ?? false,
  }
  const workers = deal(clients, WORKERS).map((part) =>
    startWorker(ctx, WORKER_MODULE, { clients: part, settings }),
  )
  const ready = await Promise.all(
    workers.map((w) => w.next<ReadyMessage>('ready', settings.connectTimeoutMs)),
  )
  const rss = sampleRss(target.pid, 100, 1000)
  ctx.defer('stop RSS sampler', () => void rss.stop())

  const startAt = clockMs() + 500
  const measureFrom = startAt + shape.warmupMs
  const endAt = measureFrom + shape.durationMs
  for (const w of workers) w.post({ type: 'start', startAt, measureFrom, endAt })
  await delay(measureFrom - clockMs())
  const at0 = { clock: clockMs(), cpu: readCpuSeconds(target.pid), harness: process.cpuUsage() }
  await alongside?.start()
  await delay(endAt - clockMs())
  await alongside?.end()
  const wall = (clockMs() - at0.clock) / 1000
  const serverCpu = (readCpuSeconds(target.pid) - at0.cpu) / wall
  const harnessUsage = process.cpuUsage(at0.harness)
  const harnessCpu = (harnessUsage.user + harnessUsage.system) / 1e6 / wall

  const done = await Promise.all(
    workers.map((w) => w.next<SendingDoneMessage>('sendingDone', 30_000)),
  )
  const cursorSeq = done[0].cursorSeq.map((_, i) => Math.max(...done.map((d) => d.cursorSeq[i])))
  const editSeq = done[0].editSeq.map((_, i) => Math.max(...done.map((d) => d.editSeq[i])))
  for (const w of workers) w.post({ type: 'expect', cursorSeq, editSeq })
  const results = await Promise.all(
    workers.map((w) => w.next<WorkerResults>('results', shape.drainMaxMs + 20_000)),
  )
  const cpuUntilDrained = readCpuSeconds(target.pid) - at0.cpu
  const { peakKiB } = rss.stop()
  const hwmKiB = readStatusKiB(target.pid, 'VmHWM')
  for (const w of workers) w.post({ type: 'close' })
  await Promise.all(workers.map((w) => w.next('closed', 10_000)))

  const doc = newHistogram()
  const cursor = newHistogram()
  const sum = (pick: (r: WorkerResults) => number) => results.reduce((s, r) => s + pick(r), 0)
  for (const r of results) {
    merge(doc, r.doc)
    merge(cursor, r.cursor)
  }
  const seconds = shape.durationMs / 1000
  const writers = shape.rooms * shape.writersPerRoom
  const deliveries = sum((r) => r.cursorCovered + r.editsReceived)
  const figures: TrafficFigures = {
    doc: summarizeHistogram(doc),
    cursor: summarizeHistogram(cursor),
    docDelivered: ratio(
      sum((r) => r.editsReceived),
      sum((r) => r.editsExpected),
    ),
    cursorDelivered: ratio(
      sum((r) => r.cursorCovered),
      sum((r) => r.cursorExpected),
    ),
    cursorReceivedRatio: ratio(
      sum((r) => r.cursorReceived),
      sum((r) => r.cursorExpected),
    ),
    cursorFinalRatio: ratio(
      sum((r) => r.cursorPairsFinal),
      sum((r) => r.cursorPairs),
    ),
    drainMs: Math.max(...results.map((r) => r.drainMs)),
    complete: results.every((r) => r.complete),
    serverCpu,
    serverCpuPerThousand: (cpuUntilDrained * 1e6) / deliveries,
    serverPeakRssMiB: peakKiB / KiB,
    serverHwmMiB: hwmKiB / KiB,
    connectMs: Math.max(...ready.map((r) => r.connectMs)),
    harnessCpu,
    workerUtilization: done.map((d) => d.eventLoopUtilization),
    achievedCursorHz: cursorSeq.reduce((s, n) => s + n, 0) / clients.length / seconds,
    achievedEditHz: writers === 0 ? 0 : editSeq.reduce((s, n) => s + n, 0) / writers / seconds,
    messagesPerClientPerSecond: sum((r) => r.messagesReceived) / clients.length / seconds,
    receivedMiBPerSecond: sum((r) => r.bytesReceived) / KiB / KiB / seconds,
    socketsClosedEarly: sum((r) => r.socketsClosedEarly),
  }
  return { figures, doc, cursor }
}
