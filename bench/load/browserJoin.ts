import { join as joinPath } from 'node:path'
import { createBoard, join } from '../../tests/support/api.ts'
import type { Scenario } from '../support/scenario.ts'
import { median } from '../support/stats.ts'
import { launchBenchBrowser, personContext, TRACE_CATEGORIES, TRACE_DIR } from './benchBrowser.ts'
import { clientBuild } from './clientBuild.ts'
import { below, row, rowsAsFigures } from './report.ts'
import { seedBigBoard } from './seedBoard.ts'
import { startCatchball } from './targets.ts'

/**
 * A 1,000-card board opened in headless Chromium (Debian's, as the browser tests use),
 * served by Catchball from the test build of the client. "Interactive" is the time from
 * navigation start until `window.__catchball.editor` exists, all 1,000 okr-card shapes are
 * in the tldraw store (a 20 ms poll inside the page) and the next animation frame has
 * run — the page has rendered them and can answer input (performance.now() is relative to
 * navigation start). The person has joined before (session pre-seeded in
 * localStorage, as client/join/sessionStore.ts keeps it), so no form is in the way; each
 * trial is a fresh browser context (empty cache, empty IndexedDB).
 *
 * BENCH_BROWSER_TRACE=<dir>: the first trial is recorded in <dir>/browserJoin.trace.json.
 */
const CARDS = 1000
const TRIALS = 3

interface InteractiveTimes {
  editorAt?: number
  shapesAt?: number
  /** The first animation frame after that: the page has rendered and can respond. */
  frameAt?: number
}

/**
 * Runs in the page before any of its scripts. A setter on `window.__catchball` notes the
 * moment the board exposes its editor (in tldraw's onMount); from then on the store is
 * checked for the card shapes (at once, then every 20 ms), and the next animation frame
 * after they are all there marks the page as rendered. Plain JavaScript in a string: a
 * function would be serialized after tsx compiled it, with helpers the page lacks.
 */
const watchInteractive = (cards: number) => `
(() => {
  const times = {}
  window.benchInteractive = times
  let api
  let polls = 0
  function check() {
    if (!api || !api.editor || times.shapesAt !== undefined) return
    const shapes = api.editor.store
      .allRecords()
      .filter((r) => r.typeName === 'shape' && r.type === 'okr-card')
    if (shapes.length >= ${cards}) {
      times.shapesAt = performance.now()
      requestAnimationFrame(() => { times.frameAt = performance.now() })
    } else if (++polls < 3000) setTimeout(check, 20)
  }
  Object.defineProperty(window, '__catchball', {
    configurable: true,
    get() { return api },
    set(value) {
      api = value
      if (value && value.editor && times.editorAt === undefined) times.editorAt = performance.now()
      check()
    },
  })
})()
`

const readTimes = () =>
  (window as unknown as { benchInteractive?: InteractiveTimes }).benchInteractive

export const browserJoin: Scenario = {
  name: 'browserJoin',
  description: `${CARDS}-card board opened in headless Chromium → editor + all card shapes`,
  timeoutMs: 420_000,
  async run(ctx) {
    const build = await clientBuild(ctx)
    const catchball = await startCatchball(ctx, { CLIENT_DIR: build.dir })
    const server = catchball.server!
    const board = await createBoard(server.url, 'Browser join bench')
    const seeder = await join(server.url, board.id, 'Seeder', board.tokens.participant)
    const wsUrl = `${server.wsUrl}/yjs/${board.id}?token=${seeder.token}`
    await seedBigBoard(wsUrl, wsUrl, CARDS)

    const browser = await launchBenchBrowser(ctx)
    const trials: {
      editorMs: number
      interactiveMs: number
      renderedMs: number
      pageErrors: number
    }[] = []
    for (let t = 0; t < TRIALS; t++) {
      const person = await join(server.url, board.id, `Browser ${t + 1}`, board.tokens.participant)
      const context = await personContext(browser, board.id, person)
      try {
        await context.addInitScript({ content: watchInteractive(CARDS) })
        const page = await context.newPage()
        let pageErrors = 0
        const problems: string[] = []
        page.on('pageerror', (error) => {
          pageErrors++
          if (problems.length < 10) problems.push(error.message)
        })
        page.on('console', (message) => {
          if (message.type() === 'error' && problems.length < 10) problems.push(message.text())
        })
        const traceDir = t === 0 ? TRACE_DIR : undefined
        if (traceDir !== undefined) {
          await browser.startTracing(page, {
            path: joinPath(traceDir, 'browserJoin.trace.json'),
            categories: TRACE_CATEGORIES,
          })
        }
        await page.goto(`${server.url}/b/${board.id}`)
        const handle = await page
          .waitForFunction(
            () =>
              (window as unknown as { benchInteractive?: InteractiveTimes }).benchInteractive
                ?.frameAt,
            undefined,
            { timeout: 120_000, polling: 100 },
          )
          .catch(async (err: Error) => {
            const text = await page.evaluate(() => document.body.innerText.slice(0, 300))
            throw new Error(`${err.message}\npage: ${text}\nerrors: ${problems.join('\n')}`)
          })
        await handle.dispose()
        if (traceDir !== undefined) await browser.stopTracing()
        const times = (await page.evaluate(readTimes))!
        trials.push({
          editorMs: times.editorAt!,
          interactiveMs: times.shapesAt!,
          renderedMs: times.frameAt!,
          pageErrors,
        })
      } finally {
        await context.close()
      }
    }
    await browser.close()
    await catchball.stop()

    const s = 'browserJoin'
    // Interactive = the first frame after every card is in the store: until then the page
    // is still busy mounting and cannot answer a click.
    const interactive = trials.map((t) => t.renderedMs)
    const rows = [
      row(s, 'interactive, median of 3', 'ms', median(interactive), null, below(2000, 'ms')),
      row(s, 'interactive, first (cold)', 'ms', interactive[0], null),
      row(s, 'editor mounted, median', 'ms', median(trials.map((t) => t.editorMs)), null),
      row(
        s,
        'every card in the store, median',
        'ms',
        median(trials.map((t) => t.interactiveMs)),
        null,
      ),
      row(
        s,
        'page errors',
        'count',
        trials.reduce((n, t) => n + t.pageErrors, 0),
        null,
      ),
    ]
    return {
      figures: rowsAsFigures(rows),
      details: { comparison: rows, cards: CARDS, client: build.source, trials },
    }
  },
}
