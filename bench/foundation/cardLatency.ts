import type * as Y from 'yjs'
import { createCard, getCards, type CardMap } from '../../shared/boardDoc.ts'
import type { YClient } from '../../tests/support/yClient.ts'
import { boardWithClients } from '../support/board.ts'
import { delay, within, type Scenario } from '../support/scenario.ts'
import { summarize } from '../support/stats.ts'

/**
 * Time from one client creating a card to a second client seeing it, over loopback, through a
 * real server process with persistence on (LOG_FSYNC default: true). Both clients live in
 * this process, so one performance.now() clock times both ends; the server runs in its own
 * process, so its event loop is not shared with the clients.
 */
const TRIALS = 20
/** Unmeasured first trials: JIT warm-up and first-use allocations on both sides. */
const WARMUP_TRIALS = 3
/** Pause between trials, longer than the log's 50 ms flush interval, so trials don't overlap. */
const GAP_MS = 100
const TRIAL_TIMEOUT_MS = 5_000

export const cardLatency: Scenario = {
  name: 'cardLatency',
  description: 'card created on client A → visible in client B cards map (loopback, fsync on)',
  timeoutMs: 60_000,
  async run(ctx) {
    const dataDir = await ctx.tempDir('latency')
    const server = await ctx.server(dataDir)
    const { clients } = await boardWithClients(ctx, server, 2, 'Latency bench')
    const [writer, reader] = clients

    for (let i = 0; i < WARMUP_TRIALS; i++) await trial(writer, reader, `warmup-${i}`)
    const samples: number[] = []
    for (let i = 0; i < TRIALS; i++) {
      await delay(GAP_MS)
      samples.push(await trial(writer, reader, `trial-${i}`))
    }

    const stats = summarize(samples)
    return {
      figures: [
        { label: 'median', value: stats.median, unit: 'ms' },
        { label: 'p95', value: stats.p95, unit: 'ms' },
        { label: 'min', value: stats.min, unit: 'ms' },
        { label: 'max', value: stats.max, unit: 'ms' },
      ],
      details: {
        trials: TRIALS,
        warmupTrials: WARMUP_TRIALS,
        gapMs: GAP_MS,
        logFsync: true,
        stats,
        samplesMs: samples,
      },
    }
  },
}

/** One card: ms from just before createCard on the writer to the reader's cards map event. */
async function trial(writer: YClient, reader: YClient, cardId: string): Promise<number> {
  const seen = cardAppears(reader.doc, cardId)
  const start = performance.now()
  createCard(writer.doc, { id: cardId, kind: 'objective', title: `Latency ${cardId}` })
  const end = await within(TRIAL_TIMEOUT_MS, seen, `card ${cardId} reaching the reader`)
  return end - start
}

/** Resolves with performance.now() at the moment `cardId` is added to the doc's cards map. */
function cardAppears(doc: Y.Doc, cardId: string): Promise<number> {
  const cards = getCards(doc)
  return new Promise<number>((resolve) => {
    const observer = (event: Y.YMapEvent<CardMap>) => {
      if (!event.keysChanged.has(cardId)) return
      const at = performance.now()
      cards.unobserve(observer)
      resolve(at)
    }
    cards.observe(observer)
  })
}
