import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { seededRandom } from '../../tests/support/seededRandom.ts'
import { eventually, type YClient } from '../../tests/support/yClient.ts'
import { boardWithClients, sameState } from '../support/board.ts'
import { readCpuSeconds, readStatusKiB, sampleRss } from '../support/procStats.ts'
import { delay, type Scenario } from '../support/scenario.ts'
import { KiB } from '../support/stats.ts'

/**
 * Server memory and CPU with 20 busy people on one board: each moves a cursor at 10 Hz, adds a
 * card every second and types into its title five times a second, for 10 seconds. Memory and
 * CPU are read from /proc of the server process; the clients share this (separate) process.
 */
const CLIENTS = 20
const TICK_MS = 100 // 10 Hz cursor
const EDIT_MS = 10_000
const CARD_EVERY_TICKS = 10 // one new card per second per client
const SETTLE_MS = 1_000
const SEED = 7

const mib = (kib: number) => kib / KiB

export const memoryWith20Clients: Scenario = {
  name: 'memoryWith20Clients',
  description: `${CLIENTS} clients × ${EDIT_MS / 1000} s of cards, titles and 10 Hz cursors`,
  timeoutMs: 120_000,
  async run(ctx) {
    // Every stock provider adds a process 'exit' listener; 20 of them are expected here.
    const maxListeners = process.getMaxListeners()
    process.setMaxListeners(maxListeners + CLIENTS)
    ctx.defer('restore max listeners', () => void process.setMaxListeners(maxListeners))

    const dataDir = await ctx.tempDir('memory')
    const server = await ctx.server(dataDir)
    const pid = server.child.pid!
    // Idle: the server has started and settled, no board, no socket.
    await delay(SETTLE_MS)
    const idleRssKiB = readStatusKiB(pid, 'VmRSS')
    const rss = sampleRss(pid, 100)

    const { clients } = await boardWithClients(ctx, server, CLIENTS, 'Memory bench')
    const connectedRssKiB = readStatusKiB(pid, 'VmRSS')
    const cpuBefore = readCpuSeconds(pid)
    const benchCpuBefore = process.cpuUsage()
    // If this process (the clients) lags, the load it offered was lighter than designed.
    const clientLoopDelay = monitorEventLoopDelay({ resolution: 10 })
    clientLoopDelay.enable()
    ctx.defer('stop event-loop monitor', () => void clientLoopDelay.disable())
    const start = performance.now()
    const people = await Promise.all(clients.map((client, i) => runPerson(client, i, start)))
    const wallSeconds = (performance.now() - start) / 1000
    const serverCpuSeconds = readCpuSeconds(pid) - cpuBefore
    const benchCpu = process.cpuUsage(benchCpuBefore)
    clientLoopDelay.disable()

    const cardsCreated = people.reduce((sum, p) => sum + p.cards, 0)
    const convergeStart = performance.now()
    const converged = await eventually(() => docsConverged(clients, cardsCreated), 20_000)
      .then(() => true)
      .catch(() => false)
    const convergeMs = performance.now() - convergeStart
    const cursorsSeen = Math.min(...clients.map(cursorsVisible))
    const { peakKiB, samples } = rss.stop()
    const hwmKiB = readStatusKiB(pid, 'VmHWM')
    const ticks = people.reduce((sum, p) => sum + p.ticks, 0)
    // Below 10 means this machine could not keep the pace (then the load was lighter).
    const cursorHz = ticks / CLIENTS / wallSeconds

    return {
      figures: [
        { label: 'idle RSS (before clients)', value: mib(idleRssKiB), unit: 'MiB' },
        { label: 'peak RSS (sampled 100 ms)', value: mib(peakKiB), unit: 'MiB' },
        { label: 'peak RSS (VmHWM)', value: mib(hwmKiB), unit: 'MiB' },
        { label: 'server CPU', value: serverCpuSeconds / wallSeconds, unit: 'CPU s / wall s' },
        { label: 'cursor rate achieved', value: cursorHz, unit: 'Hz per client' },
        { label: 'cards created', value: cardsCreated, unit: 'cards' },
        { label: 'all clients converged', value: converged, unit: '' },
        { label: 'time to converge after edits', value: convergeMs, unit: 'ms' },
        { label: 'cursors seen (min over clients)', value: cursorsSeen, unit: `of ${CLIENTS}` },
      ],
      details: {
        clients: CLIENTS,
        tickMs: TICK_MS,
        editMs: EDIT_MS,
        ticks,
        titleEdits: people.reduce((sum, p) => sum + p.titleEdits, 0),
        cardsCreated,
        cardsSeenByClient0: getCards(clients[0].doc).size,
        idleRssKiB,
        connectedRssKiB,
        peakRssKiB: peakKiB,
        hwmKiB,
        serverCpuSeconds,
        wallSeconds,
        benchProcessCpuPerWallSecond: (benchCpu.user + benchCpu.system) / 1e6 / wallSeconds,
        clientEventLoopDelayMs: {
          p50: clientLoopDelay.percentile(50) / 1e6,
          p99: clientLoopDelay.percentile(99) / 1e6,
          max: clientLoopDelay.max / 1e6,
        },
        rssSamplesKiB: samples,
      },
    }
  },
}

interface PersonTally {
  ticks: number
  cards: number
  titleEdits: number
}

/**
 * One simulated person until EDIT_MS after `start`: cursor every tick, a new card every
 * CARD_EVERY_TICKS, and on every other tick one more character in their latest card's title.
 * Ticks are scheduled on absolute times (no drift, no catch-up burst when late), and each
 * person is offset a few ms from the previous so twenty do not fire in lockstep.
 */
function runPerson(client: YClient, index: number, start: number): Promise<PersonTally> {
  const random = seededRandom(SEED + index)
  const { doc, provider } = client
  provider.awareness.setLocalStateField('user', { name: `Bench ${index + 1}` })
  const tally: PersonTally = { ticks: 0, cards: 0, titleEdits: 0 }
  const offset = (index * TICK_MS) / CLIENTS
  let cardId = ''
  const step = () => {
    provider.awareness.setLocalStateField('cursor', {
      x: Math.round(random() * 2000),
      y: Math.round(random() * 1200),
    })
    if (tally.ticks % CARD_EVERY_TICKS === 0) {
      cardId = createCard(doc, { kind: 'keyResult', createdBy: `Bench ${index + 1}` })
      tally.cards++
    } else if (tally.ticks % 2 === 1) {
      const title = readCard(cardId, getCards(doc).get(cardId)!).title
      setCardText(doc, cardId, 'title', title + 'abcdefghij'[tally.ticks % 10])
      tally.titleEdits++
    }
    tally.ticks++
  }
  // Slot n is due at start + offset + n × TICK_MS. Each slot runs at most once (a timer that
  // fires a little early must not tick twice), and slots already past are skipped.
  let slot = 0
  return new Promise((resolve) => {
    const next = () => {
      if (performance.now() - start >= EDIT_MS) return resolve(tally)
      step()
      const passed = Math.floor((performance.now() - start - offset) / TICK_MS)
      slot = Math.max(slot + 1, passed + 1)
      setTimeout(next, Math.max(0, start + offset + slot * TICK_MS - performance.now()))
    }
    setTimeout(next, offset)
  })
}

/** Every client holds every card created and the same document state. */
function docsConverged(clients: YClient[], cards: number): boolean {
  const reference = Y.encodeStateVector(clients[0].doc)
  return clients.every(
    ({ doc }) => getCards(doc).size === cards && sameState(Y.encodeStateVector(doc), reference),
  )
}

/** People whose cursor this client can see (its own included). */
function cursorsVisible({ provider }: YClient): number {
  return [...provider.awareness.getStates().values()].filter((state) => state.cursor).length
}
