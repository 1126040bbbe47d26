import { Agent, request as httpRequest } from 'node:http'
import { createBoard, join, request } from '../../tests/support/api.ts'
import { readCpuSeconds } from '../support/procStats.ts'
import type { Scenario } from '../support/scenario.ts'
import { percentile } from '../support/stats.ts'
import type { ControlWatchResults } from './controlWorker.ts'
import { below, row, rowsAsFigures } from './report.ts'
import { clockMs } from './protocol.ts'
import { seedBigBoard } from './seedBoard.ts'
import { inLanes } from '../../tests/support/inLanes.ts'
import { startCatchball } from './targets.ts'
import { deal, startWorker } from './threads.ts'
import { WORKERS } from './trafficRun.ts'

/**
 * 200 participants place 5 dots each within about a second, the way the voting UI does it:
 * every dot is one REST PUT of the person's whole ballot (1 dot, then 2, … then 5), a
 * person's PUTs one after the other, people starting 4 ms apart. Every participant also
 * holds the board's control document (protocol clients in two worker threads, each with a
 * real Y.Doc) and we time when each one shows the exact final tally. No reference: the
 * reference relay has no voting.
 *
 * The PUTs go through node:http with keep-alive, not fetch: undici's fetch spent ~2.5 ms of
 * CPU per request here, more than the server spends answering it, so on a 2-core machine the
 * load generator was mostly measuring itself. BENCH_VOTE_CLIENT=fetch brings fetch back, to
 * compare with earlier runs. The server's and this process's CPU during the burst are reported
 * so the two can be told apart.
 */
const PEOPLE = 200
const DOTS = 5
const CARDS = 20
const STAGGER_MS = 4
const CONTROL_WORKER = new URL('./controlWorker.ts', import.meta.url)

/** Person i's dots, in the order they place them (deterministic, spread over the cards). */
const dotsOf = (i: number, cardIds: string[]) =>
  Array.from({ length: DOTS }, (_, k) => cardIds[(i * 3 + k * 7) % cardIds.length])

function allocations(dots: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const cardId of dots) counts[cardId] = (counts[cardId] ?? 0) + 1
  return counts
}

const useFetch = process.env.BENCH_VOTE_CLIENT === 'fetch'

/** PUT a JSON body; resolves with the status once the whole response has arrived. */
function putJson(agent: Agent, url: string, body: unknown, token: string): Promise<number> {
  if (useFetch) return request(url, 'PUT', '', body, token).then((r) => r.status)
  const bytes = Buffer.from(JSON.stringify(body))
  const headers = {
    'content-type': 'application/json',
    'content-length': bytes.length,
    authorization: `Bearer ${token}`,
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'PUT', agent, headers }, (response) => {
      response.resume()
      response.once('end', () => resolve(response.statusCode ?? 0))
      response.once('error', reject)
    })
    req.once('error', reject)
    req.end(bytes)
  })
}

export const voteBurst: Scenario = {
  name: 'voteBurst',
  description: `${PEOPLE} participants × ${DOTS} dots within ~1 s (REST PUT ballots, live round)`,
  timeoutMs: 180_000,
  async run(ctx) {
    const catchball = await startCatchball(ctx)
    const server = catchball.server!
    const board = await createBoard(server.url, 'Vote burst')
    const facilitator = await join(server.url, board.id, 'Facilitator', board.tokens.facilitator)
    const people = await inLanes(Array.from({ length: PEOPLE }), 8, (_, i) =>
      join(server.url, board.id, `Voter ${i + 1}`, board.tokens.participant),
    )
    const boardUrl = (token: string) => `${server.wsUrl}/yjs/${board.id}?token=${token}`
    const { cardIds } = await seedBigBoard(
      boardUrl(facilitator.token),
      boardUrl(people[0].token),
      CARDS,
    )
    const opened = await request(
      server.url,
      'POST',
      `/api/boards/${board.id}/rounds`,
      { kind: 'dots', votesPerPerson: DOTS, maxPerCard: DOTS, cardIds, title: 'Bench burst' },
      facilitator.token,
    )
    if (opened.status !== 201) throw new Error(`open round: ${opened.status}`)
    const roundId = opened.json.round.id as string

    const expected: Record<string, number> = {}
    for (let i = 0; i < PEOPLE; i++) {
      for (const cardId of dotsOf(i, cardIds)) expected[cardId] = (expected[cardId] ?? 0) + 1
    }
    const controlUrls = people.map(
      (p) => `${server.wsUrl}/yjs/${board.id}/control?token=${p.token}`,
    )
    const workers = deal(controlUrls, WORKERS).map((urls) =>
      startWorker(ctx, CONTROL_WORKER, { urls, roundId, expected, voters: PEOPLE }),
    )
    await Promise.all(workers.map((w) => w.next('ready', 60_000)))

    // The burst.
    const putMs: number[] = []
    // One connection per person at most, kept open between their PUTs, as a browser does.
    const agent = new Agent({ keepAlive: true, maxSockets: PEOPLE })
    let failures = 0
    const burstStart = clockMs()
    const cpuAtStart = { server: readCpuSeconds(catchball.pid), harness: process.cpuUsage() }
    let lastAccepted = burstStart
    let lastSent = burstStart
    await Promise.all(
      people.map(async (person, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * STAGGER_MS))
        const dots = dotsOf(i, cardIds)
        for (let k = 1; k <= DOTS; k++) {
          const sent = clockMs()
          lastSent = Math.max(lastSent, sent)
          const status = await putJson(
            agent,
            `${server.url}/api/boards/${board.id}/rounds/${roundId}/ballot`,
            { allocations: allocations(dots.slice(0, k)) },
            person.token,
          )
          const now = clockMs()
          putMs.push(now - sent)
          if (status === 200) lastAccepted = Math.max(lastAccepted, now)
          else failures++
        }
      }),
    )
    const burstMs = lastAccepted - burstStart
    const serverCpuMs = (readCpuSeconds(catchball.pid) - cpuAtStart.server) * 1000
    const harnessUsage = process.cpuUsage(cpuAtStart.harness)
    const harnessCpuMs = (harnessUsage.user + harnessUsage.system) / 1000
    agent.destroy()

    const watched = await Promise.all(
      workers.map(async (w) => {
        try {
          return await w.next<ControlWatchResults>('results', 15_000)
        } catch {
          w.post({ type: 'report' })
          return w.next<ControlWatchResults>('results', 5_000)
        }
      }),
    )
    for (const w of workers) w.post({ type: 'close' })
    const exactAt = watched.flatMap((w) => w.exactAt)
    const clientsExact = exactAt.filter((at) => at !== -1).length
    const allExactAt = clientsExact === PEOPLE ? Math.max(...exactAt) : Number.NaN
    const rest = await request(
      server.url,
      'GET',
      `/api/boards/${board.id}/rounds/${roundId}`,
      undefined,
      facilitator.token,
    )
    const restTally = rest.json.tally as Record<string, number>
    const restExact =
      rest.json.voters === PEOPLE &&
      Object.keys({ ...expected, ...restTally }).every((id) => restTally[id] === expected[id])
    const overshoot = watched.find((w) => w.overshoot)?.overshootDetail ?? null
    await catchball.stop()

    const s = 'voteBurst'
    const rows = [
      row(s, 'ballot PUTs', 'count', PEOPLE * DOTS, null),
      row(s, 'PUTs rejected or failed', 'count', failures, null),
      row(s, 'burst: first PUT → last PUT sent', 'ms', lastSent - burstStart, null),
      // The scenario's own goal: 200 people × 5 dots, each answered, within a second.
      row(s, 'burst: first PUT → last accepted', 'ms', burstMs, null, below(1000, 'ms')),
      row(s, 'PUT round trip p50', 'ms', percentile(putMs, 50), null),
      row(s, 'PUT round trip p95', 'ms', percentile(putMs, 95), null),
      row(s, 'HTTP client', '', useFetch ? 'fetch' : 'node:http keep-alive', null),
      row(s, 'server CPU during the burst, per PUT', 'ms', serverCpuMs / (PEOPLE * DOTS), null),
      row(
        s,
        'bench process CPU during the burst (PUTs and 200 watchers)',
        'ms',
        harnessCpuMs,
        null,
      ),
      row(s, 'clients with the exact tally', `of ${PEOPLE}`, clientsExact, null),
      row(
        s,
        'last ballot sent → exact tally in every client',
        'ms',
        allExactAt - lastSent,
        null,
        below(1000, 'ms'),
      ),
      row(s, 'first PUT → exact in every client', 'ms', allExactAt - burstStart, null),
      row(s, 'server tally exact (REST)', '', restExact ? 'yes' : 'NO', null),
      row(s, 'vote lost or double-counted', '', overshoot ?? (restExact ? 'none' : 'YES'), null),
    ]
    return {
      figures: rowsAsFigures(rows),
      details: { comparison: rows, people: PEOPLE, dots: DOTS, cards: CARDS, expected, restTally },
    }
  },
}
