import { merge, newHistogram, summarizeHistogram } from './histogram.ts'
import type { TargetName } from './targets.ts'
import type { TrafficFigures, TrafficRun } from './trafficRun.ts'

/**
 * Rounds of a traffic scenario. This machine is a shared VM: for seconds at a time another
 * tenant takes CPU from it, and a single 12 s window per server then decides a comparison
 * by whichever server was running at that moment (a reference p95 of 2.6 ms in one run,
 * 7.2 in the next, with no change). So the scenarios that compare Catchball with the
 * reference run several rounds, alternating which server goes first (A B, B A, A B…) so a
 * slow stretch or a drift falls on both, and pool them.
 */
export function roundOrder(
  targets: readonly TargetName[],
  round: number,
  referenceFirst: boolean,
): TargetName[] {
  const base = referenceFirst ? targets.toReversed() : [...targets]
  return round % 2 === 0 ? base : base.toReversed()
}

/**
 * Several rounds against one server as one set of figures. Latency percentiles come from
 * every sample of every round (the histograms merged), so each round weighs by its
 * deliveries; rates and CPU are the rounds' mean (the rounds have the same shape and
 * length); peaks, the drain and the connect time are the worst round's; a failure in any
 * round shows.
 */
export function poolRounds(runs: TrafficRun[]): TrafficFigures {
  if (runs.length === 0) throw new Error('no rounds to pool')
  if (runs.length === 1) return runs[0].figures
  const doc = newHistogram()
  const cursor = newHistogram()
  for (const run of runs) {
    merge(doc, run.doc)
    merge(cursor, run.cursor)
  }
  const all = runs.map((run) => run.figures)
  const mean = (pick: (f: TrafficFigures) => number) =>
    all.reduce((sum, f) => sum + pick(f), 0) / all.length
  const max = (pick: (f: TrafficFigures) => number) => Math.max(...all.map(pick))
  return {
    doc: summarizeHistogram(doc),
    cursor: summarizeHistogram(cursor),
    docDelivered: mean((f) => f.docDelivered),
    cursorDelivered: mean((f) => f.cursorDelivered),
    cursorReceivedRatio: mean((f) => f.cursorReceivedRatio),
    cursorFinalRatio: mean((f) => f.cursorFinalRatio),
    drainMs: max((f) => f.drainMs),
    complete: all.every((f) => f.complete),
    serverCpu: mean((f) => f.serverCpu),
    serverCpuPerThousand: mean((f) => f.serverCpuPerThousand),
    serverPeakRssMiB: max((f) => f.serverPeakRssMiB),
    serverHwmMiB: max((f) => f.serverHwmMiB),
    connectMs: max((f) => f.connectMs),
    harnessCpu: mean((f) => f.harnessCpu),
    workerUtilization: all[0].workerUtilization.map((_, i) => max((f) => f.workerUtilization[i])),
    achievedCursorHz: mean((f) => f.achievedCursorHz),
    achievedEditHz: mean((f) => f.achievedEditHz),
    messagesPerClientPerSecond: mean((f) => f.messagesPerClientPerSecond),
    receivedMiBPerSecond: mean((f) => f.receivedMiBPerSecond),
    socketsClosedEarly: all.reduce((sum, f) => sum + f.socketsClosedEarly, 0),
  }
}
