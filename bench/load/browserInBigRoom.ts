import { join as joinPath } from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { join } from '../../tests/support/api.ts'
import { inLanes } from '../../tests/support/inLanes.ts'
import { delay, type Scenario, type ScenarioContext } from '../support/scenario.ts'
import { percentile } from '../support/stats.ts'
import { launchBenchBrowser, personContext, TRACE_CATEGORIES, TRACE_DIR } from './benchBrowser.ts'
import { clientBuild } from './clientBuild.ts'
import { clockMs } from './protocol.ts'
import { row, rowsAsFigures, type ComparisonRow } from './report.ts'
import { createSeededBoard } from './seedBoard.ts'
import { startCatchball, type Target } from './targets.ts'
import { measureTraffic, type MeasuredWindow, type TrafficShape } from './trafficRun.ts'

/**
 * What one person's browser pays for a busy board: a page open on a 100-card board while
 * the others (protocol-level clients, as in bigRoom) move their cursors at 10 Hz and some
 * of them edit cards, and the person moves their own mouse over the canvas. Measured over
 * the same window as the traffic, in the page:
 * - main thread busy: Chromium's own TaskDuration (CDP Performance.getMetrics) per second;
 * - frames drawn per second (requestAnimationFrame callbacks);
 * - pointer input delay: from a mouse move's timestamp to its first listener (what the
 *   Event Timing API calls input delay), for a move every 100 ms;
 * - long tasks (over 50 ms), and the collaborators' cursors drawn at the end.
 * The same page alone on its board is the peer each busy room is set beside.
 *
 * BENCH_BROWSER_TRACE=<dir>: each load's measured window is recorded in
 * <dir>/browserInBigRoom-<load>.trace.json (tracing slows the page: figures then run high).
 */
const CARDS = 100
const WARMUP_MS = 2_000
const MEASURE_MS = 10_000
const MOVE_EVERY_MS = 100

interface Load {
  label: string
  people: number
  writers: number
  /** The side panel's tab the person has open (the outline unless said). */
  tab?: 'People'
}

const LOADS: Load[] = [
  { label: 'alone', people: 1, writers: 0 },
  { label: '20 people', people: 20, writers: 2 },
  { label: '200 people', people: 200, writers: 20 },
  // A facilitator watching who is here: the People tab lists all 200.
  { label: '200 people, People tab', people: 200, writers: 20, tab: 'People' },
]

/** What the page measured over the window. */
interface PageReadings {
  mainThreadBusy: number
  framesPerSecond: number
  inputDelay: { p50: number; p95: number; max: number; count: number }
  longTasks: { count: number; totalMs: number; maxMs: number }
  cursorsDrawn: number
}

export interface PageFigures extends PageReadings {
  /** Cursor moves a second the others achieved (null alone): the load was what it says. */
  cursorHzAchieved: number | null
}

/**
 * Runs in the page before its scripts: counts frames and long tasks, and takes every pointer
 * move's input delay, while `measuring` is on. Plain JavaScript in a string, as in
 * browserJoin.ts: a function would be serialized with helpers tsx added.
 */
const PAGE_PROBE = `
(() => {
  const probe = { measuring: false, frames: 0, longTasks: [], inputDelays: [] }
  window.benchPage = probe
  const onFrame = () => {
    if (probe.measuring) probe.frames++
    requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
  new PerformanceObserver((list) => {
    if (probe.measuring) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration)
  }).observe({ type: 'longtask' })
  addEventListener('pointermove', (event) => {
    if (probe.measuring) probe.inputDelays.push(performance.now() - event.timeStamp)
  }, { capture: true })
})()
`

/** The page's window while PAGE_PROBE runs in it. */
interface ProbeWindow {
  benchPage: { measuring: boolean; frames: number; longTasks: number[]; inputDelays: number[] }
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN
}

/**
 * The window over which the page is measured: on start, the probe is reset and the mouse
 * starts moving over the canvas (one move per MOVE_EVERY_MS, bounded in count); on end, the
 * readings are taken.
 */
function pageWindow(browser: Browser, page: Page, cdp: CDPSession, traceName: string) {
  let startedAt = 0
  let busyAtStart = 0
  let moving: Promise<void> = Promise.resolve()
  // Set by end(); an object, so the loop sees the change made from another closure.
  const motion = { stopped: false }
  let figures: PageReadings | null = null
  const measuredWindow: MeasuredWindow = {
    async start() {
      await page.evaluate(() => {
        const probe = (window as unknown as ProbeWindow).benchPage
        Object.assign(probe, { measuring: true, frames: 0, longTasks: [], inputDelays: [] })
      })
      if (TRACE_DIR !== undefined) {
        const path = joinPath(TRACE_DIR, `browserInBigRoom-${traceName}.trace.json`)
        await browser.startTracing(page, { path, categories: TRACE_CATEGORIES })
      }
      busyAtStart = await taskSeconds(cdp)
      startedAt = clockMs()
      moving = (async () => {
        const maxMoves = Math.ceil((MEASURE_MS * 2) / MOVE_EVERY_MS)
        for (let i = 0; i < maxMoves && !motion.stopped; i++) {
          // A slow loop over the middle of the canvas, clear of the side panel.
          await page.mouse.move(560 + 220 * Math.sin(i / 7), 470 + 160 * Math.cos(i / 9))
          await delay(MOVE_EVERY_MS)
        }
      })()
    },
    async end() {
      motion.stopped = true
      const busy = (await taskSeconds(cdp)) - busyAtStart
      const seconds = (clockMs() - startedAt) / 1000
      const readings = await page.evaluate(() => {
        const probe = (window as unknown as ProbeWindow).benchPage
        probe.measuring = false
        return {
          frames: probe.frames,
          longTasks: probe.longTasks,
          inputDelays: probe.inputDelays,
          cursorsDrawn: document.querySelectorAll('.tl-collaborator__cursor').length,
        }
      })
      await moving
      if (TRACE_DIR !== undefined) await browser.stopTracing()
      const delays = readings.inputDelays
      figures = {
        mainThreadBusy: busy / seconds,
        framesPerSecond: readings.frames / seconds,
        inputDelay: {
          p50: percentile(delays, 50),
          p95: percentile(delays, 95),
          max: Math.max(...delays),
          count: delays.length,
        },
        longTasks: {
          count: readings.longTasks.length,
          totalMs: readings.longTasks.reduce((sum, ms) => sum + ms, 0),
          maxMs: Math.max(0, ...readings.longTasks),
        },
        cursorsDrawn: readings.cursorsDrawn,
      }
    },
  }
  return { window: measuredWindow, figures: () => figures! }
}

/** A new board with CARDS cards, and the page of one more person who opened it. */
async function pageOnNewBoard(
  ctx: ScenarioContext,
  browser: Browser,
  catchball: Target,
  load: Load,
) {
  const server = catchball.server!
  const board = await createSeededBoard(server, `Browser in a room: ${load.label}`, CARDS)
  const person = await join(server.url, board.id, 'Watcher', board.tokens.participant)
  const context = await personContext(browser, board.id, person)
  ctx.defer('close browser context', () => context.close())
  await context.addInitScript({ content: PAGE_PROBE })
  const page = await context.newPage()
  await page.goto(`${server.url}/b/${board.id}`)
  await page.waitForFunction(
    (cards) => {
      // The test build's API (client/testApi.ts), underscores included.
      // oxlint-disable-next-line no-underscore-dangle
      const records = window.__catchball?.editor?.store.allRecords() ?? []
      return records.filter((r) => r.typeName === 'shape' && r.type === 'okr-card').length >= cards
    },
    CARDS,
    { timeout: 60_000, polling: 100 },
  )
  if (load.tab) await page.getByRole('tab', { name: new RegExp(`^${load.tab}`) }).click()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const others = await inLanes(Array.from({ length: load.people - 1 }), 8, async (_, i) => {
    const joined = await join(server.url, board.id, `Bench ${i + 1}`, board.tokens.participant)
    return `${server.wsUrl}/yjs/${board.id}?token=${joined.token}`
  })
  return { page, cdp, others, close: () => context.close() }
}

async function measureLoad(
  ctx: ScenarioContext,
  browser: Browser,
  catchball: Target,
  load: Load,
): Promise<PageFigures> {
  const { page, cdp, others, close } = await pageOnNewBoard(ctx, browser, catchball, load)
  const measured = pageWindow(browser, page, cdp, load.label.replace(/\W+/g, '-'))
  let cursorHzAchieved: number | null = null
  if (others.length === 0) {
    await delay(WARMUP_MS)
    await measured.window.start()
    await delay(MEASURE_MS)
    await measured.window.end()
  } else {
    const shape: TrafficShape = {
      rooms: 1,
      perRoom: others.length,
      writersPerRoom: load.writers,
      cursorHz: 10,
      editHz: 2,
      warmupMs: WARMUP_MS,
      durationMs: MEASURE_MS,
      drainMaxMs: 8_000,
    }
    // The others join the page's board, not boards of their own.
    const sameBoard: Target = { ...catchball, rooms: async () => [others] }
    const traffic = await measureTraffic(ctx, sameBoard, shape, load.label, measured.window)
    cursorHzAchieved = traffic.figures.achievedCursorHz
  }
  await close()
  return { ...measured.figures(), cursorHzAchieved }
}

export const browserInBigRoom: Scenario = {
  name: 'browserInBigRoom',
  description: `one person's browser on a ${CARDS}-card board: alone, with 20 and with 200 people moving cursors at 10 Hz, and with 200 watching the People tab`,
  timeoutMs: 480_000,
  async run(ctx) {
    const build = await clientBuild(ctx)
    const catchball = await startCatchball(ctx, { CLIENT_DIR: build.dir })
    const browser = await launchBenchBrowser(ctx)
    const byLoad: Record<string, PageFigures> = {}
    for (const load of LOADS) byLoad[load.label] = await measureLoad(ctx, browser, catchball, load)
    await browser.close()
    await catchball.stop()

    const s = 'browserInBigRoom'
    const alone = byLoad.alone
    const rows: ComparisonRow[] = []
    for (const load of LOADS) {
      const f = byLoad[load.label]
      // The page alone on its board is the peer: what the same page costs with nobody else.
      const peer = load.label === 'alone' ? null : alone
      const beside = (figure: string, unit: string, pick: (figures: PageFigures) => number) =>
        row(s, `${load.label}: ${figure}`, unit, pick(f), peer ? pick(peer) : null)
      rows.push(
        beside('main thread busy', 'share', (x) => x.mainThreadBusy),
        beside('frames', '/s', (x) => x.framesPerSecond),
        beside('pointer input delay p95', 'ms', (x) => x.inputDelay.p95),
        beside('pointer input delay max', 'ms', (x) => x.inputDelay.max),
        beside('long tasks (> 50 ms)', 'count', (x) => x.longTasks.count),
        row(s, `${load.label}: collaborators' cursors drawn`, 'count', f.cursorsDrawn, null),
      )
    }
    return {
      figures: rowsAsFigures(rows),
      details: { comparison: rows, cards: CARDS, client: build.source, loads: LOADS, byLoad },
    }
  },
}
