import { startCatchball, startReference, type Target } from '../load/targets.ts'
import { row, rowsAsFigures, type ComparisonRow } from '../load/report.ts'
import { readCpuSeconds } from '../support/procStats.ts'
import type { Scenario, ScenarioContext } from '../support/scenario.ts'
import { median, percentile } from '../support/stats.ts'
import { startWorker } from '../load/threads.ts'
import type { EditTimerReport } from './editTimerWorker.ts'
import type { FloodReport } from './floodWorker.ts'

/**
 * One participant's socket sends valid updates as fast as the server reads them (a runaway
 * script, or someone who means harm) for FLOOD_MS, from a worker thread, while two people in
 * the same board and two in another board time card edits end to end (stock y-websocket
 * clients; each pair in its own thread, so a flood one pair receives cannot delay the
 * other's timing). Run against Catchball with its per-socket budget (WS_MESSAGES_PER_SECOND
 * and friends, the defaults), Catchball with the budget off (0), which is how it read every
 * socket before, and the reference relay. Each flood update appends one character to a
 * Y.Text, so what the board received of the flood is the length a board-mate's copy of that
 * text reaches.
 */
const FLOOD_MS = 8_000
/** The flooder keeps this much queued in its socket: it is never the one waiting. */
const FLOOD_QUEUE_BYTES = 256 * 1024

interface FloodRun {
  sent: number
  /** Flood updates the board-mate's copy of the board holds when the flood stops. */
  receivedByBoardMate: number
  boardMateMs: number[]
  otherBoardMs: number[]
  serverCpuCores: number
}

async function runAgainst(ctx: ScenarioContext, target: Target): Promise<FloodRun> {
  try {
    const [floodedBoard, otherBoard] = await target.rooms(2, 3, 'Flood')
    const worker = (module: string, data: unknown) =>
      startWorker(ctx, new URL(module, import.meta.url), data)
    const boardMates = worker('./editTimerWorker.ts', {
      writerUrl: floodedBoard[1],
      readerUrl: floodedBoard[2],
    })
    const elsewhere = worker('./editTimerWorker.ts', {
      writerUrl: otherBoard[0],
      readerUrl: otherBoard[1],
    })
    const flooder = worker('./floodWorker.ts', {
      url: floodedBoard[0],
      ms: FLOOD_MS,
      queueBytes: FLOOD_QUEUE_BYTES,
    })
    const all = [boardMates, elsewhere, flooder]
    await Promise.all(all.map((w) => w.next('ready', 30_000)))
    const cpuBefore = readCpuSeconds(target.pid)
    const startedAt = performance.now()
    for (const w of all) w.post({ type: 'go' })
    const { sent } = await flooder.next<FloodReport>('done', FLOOD_MS + 30_000)
    const serverCpuCores =
      (readCpuSeconds(target.pid) - cpuBefore) / ((performance.now() - startedAt) / 1000)
    for (const w of [boardMates, elsewhere]) w.post({ type: 'stop' })
    // An edit under way when the flood stops is still waited for (up to 30 s, timedEdits).
    const [mates, other] = await Promise.all(
      [boardMates, elsewhere].map((w) => w.next<EditTimerReport>('done', 45_000)),
    )
    return {
      sent,
      receivedByBoardMate: mates.floodSeen,
      boardMateMs: mates.times,
      otherBoardMs: other.times,
      serverCpuCores,
    }
  } finally {
    await target.stop()
  }
}

export const floodingParticipant: Scenario = {
  name: 'floodingParticipant',
  description: `one socket sends valid updates flat out for ${FLOOD_MS / 1000} s; edits timed in its board and another`,
  timeoutMs: 240_000,
  async run(ctx) {
    const budgeted = await runAgainst(ctx, await startCatchball(ctx))
    const unbudgeted = await runAgainst(
      ctx,
      await startCatchball(ctx, { WS_MESSAGES_PER_SECOND: '0', WS_BYTES_PER_SECOND: '0' }),
    )
    const reference = await runAgainst(ctx, await startReference(ctx))

    const s = 'floodingParticipant'
    const rowsFor = (label: string, catchball: FloodRun): ComparisonRow[] => [
      row(s, `${label}flood updates sent`, '', catchball.sent, reference.sent),
      row(
        s,
        `${label}flood updates relayed to the board while it lasted`,
        '',
        catchball.receivedByBoardMate,
        reference.receivedByBoardMate,
      ),
      row(
        s,
        `${label}board-mate's edit: median`,
        'ms',
        median(catchball.boardMateMs),
        median(reference.boardMateMs),
      ),
      row(
        s,
        `${label}board-mate's edit: p99`,
        'ms',
        percentile(catchball.boardMateMs, 99),
        percentile(reference.boardMateMs, 99),
      ),
      row(
        s,
        `${label}board-mate's edits timed`,
        '',
        catchball.boardMateMs.length,
        reference.boardMateMs.length,
      ),
      row(
        s,
        `${label}other board's edit: p99`,
        'ms',
        percentile(catchball.otherBoardMs, 99),
        percentile(reference.otherBoardMs, 99),
      ),
      row(
        s,
        `${label}server CPU during the flood`,
        'core',
        catchball.serverCpuCores,
        reference.serverCpuCores,
      ),
    ]
    const rows = [...rowsFor('', budgeted), ...rowsFor('budget off: ', unbudgeted)]
    return {
      figures: rowsAsFigures(rows),
      details: {
        comparison: rows,
        floodMs: FLOOD_MS,
        note:
          'Catchball with its default per-socket budget, then with WS_MESSAGES_PER_SECOND=0 ' +
          'and WS_BYTES_PER_SECOND=0 ("budget off"), each beside the reference relay',
        runs: { budgeted, unbudgeted, reference },
      },
    }
  },
}
