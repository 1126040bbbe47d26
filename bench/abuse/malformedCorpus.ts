import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { createCard } from '../../shared/boardDoc.ts'
import { createBoard, join } from '../../tests/support/api.ts'
import { updateFrame } from '../../tests/support/malformedCorpus.ts'
import { inLanes } from '../../tests/support/inLanes.ts'
import type { ServerProcess } from '../../tests/support/serverProcess.ts'
import { closeCodeOf, waitForSync } from '../../tests/support/yClient.ts'
import { readStatusKiB } from '../support/procStats.ts'
import type { Scenario, ScenarioContext } from '../support/scenario.ts'
import { delay } from '../support/scenario.ts'
import { median, MiB, percentile } from '../support/stats.ts'
import { atMost, below, row, rowsAsFigures } from '../load/report.ts'
import { startWorker } from '../load/threads.ts'
import type { CorpusReport } from './corpusWorker.ts'
import { timeEdits } from './timedEdits.ts'

/**
 * Bad input against server/main.ts as a child process (its own event loop, measured from the
 * inside by serverProbe.mjs):
 * 1. the malformed corpus (empty frame, 10,000 seeded random frames, every truncation of a
 *    valid update, the Yjs decoder-hang payloads), each frame on its own socket, 100 at a
 *    time, from a worker thread, while a healthy room's card edits are timed end to end;
 * 2. 50 frames just above maxPayload (set to 1 MiB here, default 4 MiB, so the scenario stays
 *    quick): RSS and heap after GC, before and after;
 * 3. a pre-auth flood: sockets with no token, a made-up one or another board's, each sending
 *    a card-creating update the moment it opens.
 * The attacked board must come out byte-identical (as a newcomer syncs it) after each part.
 */
const LANES = 100
const MAX_PAYLOAD = 1 * MiB
const OVERSIZED = 50
const PRE_AUTH = 600
const PROBE = fileURLToPath(new URL('./serverProbe.mjs', import.meta.url))

interface ProbeReport {
  gc: boolean
  delayMs: { p50: number; p99: number; max: number; samples: number }
  rssBytes: number
  heapUsedBytes: number
}

/** Ask the server's probe for a report: GC, then delay since the last report and memory. */
async function probe(server: ServerProcess): Promise<ProbeReport & { vmRssKiB: number }> {
  const from = server.output().length
  process.kill(server.child.pid!, 'SIGUSR2')
  const line = /catchball-probe (\{.*\})\n/
  for (let waited = 0; waited < 10_000; waited += 20) {
    const match = line.exec(server.output().slice(from))
    if (match) {
      const report = JSON.parse(match[1]) as ProbeReport
      return { ...report, vmRssKiB: readStatusKiB(server.child.pid!, 'VmRSS') }
    }
    await delay(20)
  }
  throw new Error('the server probe did not answer')
}

/** The board as a newcomer syncs it. */
async function boardState(ctx: ScenarioContext, wsUrl: string, room: string, token: string) {
  const client = ctx.client(wsUrl, room, token)
  try {
    await waitForSync(client, 10_000)
    return Y.encodeStateAsUpdate(client.doc)
  } finally {
    client.destroy()
  }
}

const tally = (codes: (number | string)[]) =>
  codes.reduce<Record<string, number>>((all, c) => ({ ...all, [c]: (all[c] ?? 0) + 1 }), {})
const show = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ')

export const malformedCorpus: Scenario = {
  name: 'malformedCorpus',
  description: '10,000+ malformed frames, oversized frames and a pre-auth flood vs one server',
  timeoutMs: 300_000,
  async run(ctx) {
    const dataDir = await ctx.tempDir('abuse')
    const server = await ctx.server(dataDir, {
      NODE_OPTIONS: `--expose-gc --import ${PROBE}`,
      WS_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD),
      // One address opens ~11,000 sockets here: far past the per-IP limit meant for people.
      WS_CONNECTIONS_PER_IP_PER_MINUTE: '1000000',
    })
    const target = await createBoard(server.url, 'Under attack')
    const attacker = await join(server.url, target.id, 'Attacker', target.tokens.participant)
    const owner = await join(server.url, target.id, 'Owner', target.tokens.facilitator)
    const healthy = await createBoard(server.url, 'Healthy')
    const [writerSeat, readerSeat] = await Promise.all(
      ['Writer', 'Reader'].map((name) =>
        join(server.url, healthy.id, name, healthy.tokens.participant),
      ),
    )
    const keeper = ctx.client(server.wsUrl, target.id, owner.token)
    await waitForSync(keeper)
    createCard(keeper.doc, { kind: 'objective', title: 'Stays exactly as it is' })
    const writer = ctx.client(server.wsUrl, healthy.id, writerSeat.token)
    const reader = ctx.client(server.wsUrl, healthy.id, readerSeat.token)
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    await delay(500)
    const stateOf = () => boardState(ctx, server.wsUrl, target.id, owner.token)
    const before = await stateOf()
    // The same edits with nothing else going on, to read the barrage's figures against.
    const quietMs = await timeEdits(writer, reader, (times) => times.length >= 20)

    // 1. The corpus from a worker, the healthy room timed from here.
    const worker = startWorker(ctx, new URL('./corpusWorker.ts', import.meta.url), {
      url: `${server.wsUrl}/yjs/${target.id}?token=${attacker.token}`,
      lanes: LANES,
    })
    await worker.next('ready', 30_000)
    await probe(server) // starts the delay window here
    let barrageOver = false
    worker.post({ type: 'go' })
    const edits = timeEdits(writer, reader, () => barrageOver)
    const barrage = await worker.next<CorpusReport>('done', 240_000)
    barrageOver = true
    const duringBarrage = await probe(server)
    const editMs = await edits
    const unchangedByCorpus = Buffer.compare(await stateOf(), before) === 0

    // 2. Frames just above maxPayload: ws refuses them (1009) before anything is buffered.
    const memoryBefore = await probe(server)
    const attackerUrl = `${server.wsUrl}/yjs/${target.id}?token=${attacker.token}`
    const oversized = await inLanes(Array.from({ length: OVERSIZED }), 10, () =>
      closeCodeOf(attackerUrl, new Uint8Array(MAX_PAYLOAD + 1), 30_000),
    )
    await delay(500)
    const memoryAfter = await probe(server)
    const unchangedByOversized = Buffer.compare(await stateOf(), before) === 0

    // 3. No valid token, frames sent at once: a card-creating update and noise.
    const rogue = new Y.Doc()
    createCard(rogue, { kind: 'objective', title: 'Injected before auth' })
    const inject = [updateFrame(Y.encodeStateAsUpdate(rogue)), new Uint8Array([0, 2, 9, 9])]
    const base = `${server.wsUrl}/yjs/${target.id}`
    const tokens = ['', '?token=not-a-token', `?token=${writerSeat.token}`] // last: other board
    const preAuth = await inLanes(Array.from({ length: PRE_AUTH }), LANES, (_, i) =>
      closeCodeOf(base + tokens[i % tokens.length], inject, 30_000),
    )
    const unchangedByPreAuth = Buffer.compare(await stateOf(), before) === 0

    const growth = (field: 'rssBytes' | 'heapUsedBytes') =>
      (memoryAfter[field] - memoryBefore[field]) / MiB
    const s = 'malformedCorpus'
    const d = duringBarrage.delayMs
    const rows = [
      row(s, 'frames sent (own socket each)', '', barrage.frames, null),
      row(s, 'sockets by outcome', '', show(barrage.byOutcome), null),
      row(s, 'outcomes other than the contract', '', barrage.unexpected, null, atMost(0, '')),
      row(s, 'barrage duration', 's', barrage.ms / 1000, null),
      row(s, 'server event-loop delay p50', 'ms', d.p50, null),
      row(s, 'server event-loop delay p99', 'ms', d.p99, null, atMost(100, 'ms')),
      row(s, 'server event-loop delay max', 'ms', d.max, null),
      row(s, 'healthy-room card edit, no barrage: median', 'ms', median(quietMs), null),
      row(s, 'healthy-room card edit: median', 'ms', median(editMs), null),
      row(s, 'healthy-room card edit: p99', 'ms', percentile(editMs, 99), null),
      row(s, 'healthy-room card edit: max', 'ms', Math.max(...editMs), null),
      row(s, 'healthy-room card edits timed', '', editMs.length, null),
      row(s, 'board unchanged after corpus', '', String(unchangedByCorpus), null),
      row(s, `oversized frames (${MAX_PAYLOAD + 1} B)`, '', show(tally(oversized)), null),
      row(s, 'RSS growth after GC (oversized)', 'MiB', growth('rssBytes'), null, below(10, 'MiB')),
      row(
        s,
        'heap growth after GC (oversized)',
        'MiB',
        growth('heapUsedBytes'),
        null,
        below(10, 'MiB'),
      ),
      row(s, 'board unchanged after oversized', '', String(unchangedByOversized), null),
      row(s, `pre-auth sockets (${PRE_AUTH}) by close code`, '', show(tally(preAuth)), null),
      row(s, 'board unchanged after pre-auth flood', '', String(unchangedByPreAuth), null),
    ]
    return {
      figures: rowsAsFigures(rows),
      details: {
        comparison: rows,
        note:
          'server/main.ts child with LOG_LEVEL=warn (every 4400 is logged); maxPayload 1 MiB ' +
          'for part 2; corpus from a worker thread, 100 sockets at a time; the event-loop ' +
          'delay is monitorEventLoopDelay (resolution 2 ms) inside the server, over the barrage; ' +
          'an oversized socket may end 1006 instead of 1009 when the server resets it while ' +
          'the client is still writing its 1 MiB',
        gcAvailable: memoryBefore.gc,
        barrage,
        delayDuringBarrage: d,
        editMs,
        quietMs,
        memoryBefore,
        memoryAfter,
        oversized: tally(oversized),
        preAuth: tally(preAuth),
      },
    }
  },
}
