import * as Y from 'yjs'
import { boardWithClients, sameState } from '../support/board.ts'
import {
  keyValueWriter,
  noCanvasWriter,
  planMoves,
  plainMapWriter,
  replayLocally,
  writeWorkload,
  type Move,
} from '../support/canvasWorkload.ts'
import {
  contentFingerprint,
  fingerprintOfLog,
  logPathOf,
  readLog,
  waitForQuietFile,
  waitForRecords,
  watchPeakSize,
} from '../support/logFile.ts'
import type { Scenario, ScenarioContext } from '../support/scenario.ts'
import { KiB } from '../support/stats.ts'
import { eventually } from '../../tests/support/yClient.ts'

/**
 * How big a board's update log gets from dragging shapes, and how much compaction gives back:
 * 500 cards with their shapes, then 10,000 shape moves sent by a real client to a real server
 * process. Run twice: with compaction thresholds out of reach (the raw log, then the room
 * unloads and compacts), and with the default thresholds (how big the log gets while live).
 */
const CARDS = 500
const MOVES = 10_000
const SEED = 20_251_125
/** Thresholds no run can reach, so the first log is never compacted while the room is live. */
const NEVER = String(2 ** 40)
/** Short, so the compaction-on-unload happens soon after the clients leave. */
const UNLOAD_DELAY_MS = '1000'

const kib = (bytes: number) => bytes / KiB

interface ServerRun {
  sendMs: number
  logBefore: { bytes: number; records: number }
  logAfter: { bytes: number; records: number }
  peakLiveLogBytes: number
  stateBytes: number
  compactedLogRestoresBoard: boolean
}

export const logCompaction: Scenario = {
  name: 'logCompaction',
  description: `${CARDS} cards, ${MOVES} shape moves via YKeyValue: update log before/after compaction`,
  timeoutMs: 240_000,
  async run(ctx) {
    const moves = planMoves(SEED, CARDS, MOVES)
    const rawEnv = { LOG_COMPACT_AFTER_BYTES: NEVER, LOG_COMPACT_AFTER_RECORDS: NEVER }
    const raw = await runOnServer(ctx, 'raw', moves, rawEnv)
    const defaults = await runOnServer(ctx, 'defaults', moves, {})
    const local = await compareWithPlainMap(moves)
    const perMove = (kind: 'yKeyValue' | 'plainYMap') =>
      (local[kind].stateBytes - local.noMoves[kind].stateBytes) / MOVES

    return {
      figures: [
        { label: 'log before compaction', value: kib(raw.logBefore.bytes), unit: 'KiB' },
        { label: 'log records before', value: raw.logBefore.records, unit: 'records' },
        { label: 'log after compaction (unload)', value: kib(raw.logAfter.bytes), unit: 'KiB' },
        { label: 'doc encodeStateAsUpdate', value: kib(raw.stateBytes), unit: 'KiB' },
        {
          label: 'peak live log, default limits',
          value: kib(defaults.peakLiveLogBytes),
          unit: 'KiB',
        },
        { label: 'compacted log restores board', value: raw.compactedLogRestoresBoard, unit: '' },
        { label: 'doc state if plain Y.Map', value: kib(local.plainYMap.stateBytes), unit: 'KiB' },
        { label: 'state growth/move, YKeyValue', value: perMove('yKeyValue'), unit: 'B/move' },
        { label: 'state growth/move, Y.Map', value: perMove('plainYMap'), unit: 'B/move' },
        {
          label: 'log before compaction, Y.Map',
          value: kib(local.plainYMap.logBytes),
          unit: 'KiB',
        },
        { label: 'send+relay 10k moves', value: raw.sendMs, unit: 'ms' },
      ],
      details: {
        cards: CARDS,
        moves: MOVES,
        seed: SEED,
        transactionsPerMove: 1,
        rawThresholds: { env: rawEnv, run: raw },
        defaultThresholds: defaults,
        localReplay: local,
      },
    }
  },
}

/**
 * The same workload without a server: as Catchball writes it (YKeyValue), with a plain Y.Map,
 * and with no canvas at all; and the first two without moves, to isolate what moves add.
 */
async function compareWithPlainMap(moves: readonly Move[]) {
  return {
    yKeyValue: await replayLocally(keyValueWriter, CARDS, moves),
    plainYMap: await replayLocally(plainMapWriter, CARDS, moves),
    cardsOnly: await replayLocally(noCanvasWriter, CARDS, []),
    noMoves: {
      yKeyValue: await replayLocally(keyValueWriter, CARDS, []),
      plainYMap: await replayLocally(plainMapWriter, CARDS, []),
    },
  }
}

/**
 * One server process: write the workload through one client, wait until a second client holds
 * all of it (so the server has applied it all), measure the log, then disconnect both and
 * measure it again once the room has unloaded and compacted.
 */
async function runOnServer(
  ctx: ScenarioContext,
  label: string,
  moves: readonly Move[],
  env: Record<string, string>,
): Promise<ServerRun> {
  const dataDir = await ctx.tempDir(`compaction-${label}`)
  const server = await ctx.server(dataDir, { ROOM_UNLOAD_DELAY_MS: UNLOAD_DELAY_MS, ...env })
  const { board, clients } = await boardWithClients(ctx, server, 2, `Compaction bench ${label}`)
  const [writer, observer] = clients
  const path = logPathOf(dataDir, board.id)
  const peak = watchPeakSize(path)

  const start = performance.now()
  await writeWorkload(writer.doc, keyValueWriter(writer.doc), CARDS, moves)
  const caughtUp = () =>
    sameState(Y.encodeStateVector(writer.doc), Y.encodeStateVector(observer.doc))
  await eventually(caughtUp, 120_000, `observer receiving all ${moves.length} moves`)
  const sendMs = performance.now() - start

  await waitForQuietFile(path)
  const before = await readLog(path)
  const peakLiveLogBytes = peak.stop()
  const stateBytes = Y.encodeStateAsUpdate(observer.doc).length
  const expected = contentFingerprint(observer.doc)

  // The last client leaving starts the unload timer; unloading compacts the log to 1 record.
  writer.destroy()
  observer.destroy()
  const after = await waitForRecords(path, 1)
  return {
    sendMs,
    logBefore: { bytes: before.bytes, records: before.records },
    logAfter: { bytes: after.bytes, records: after.records },
    peakLiveLogBytes,
    stateBytes,
    compactedLogRestoresBoard: fingerprintOfLog(after.updates) === expected,
  }
}
