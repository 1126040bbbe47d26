import { join as joinPath } from 'node:path'
import type { Page } from '@playwright/test'
import { join } from '../../tests/support/api.ts'
import type { Scenario } from '../support/scenario.ts'
import { median } from '../support/stats.ts'
import { launchBenchBrowser, personContext, TRACE_CATEGORIES, TRACE_DIR } from './benchBrowser.ts'
import { clientBuild } from './clientBuild.ts'
import { below, row, rowsAsFigures } from './report.ts'
import { createSeededBoard } from './seedBoard.ts'
import { startCatchball } from './targets.ts'

/**
 * A 1,000-card board opened in headless Chromium (Debian's, as the browser tests use),
 * served by Catchball from the test build of the client. "Interactive" is the time from
 * navigation start until `window.__catchball.editor` exists, all 1,000 okr-card shapes are
 * in the tldraw store (a 20 ms poll inside the page) and the next animation frame has
 * run: the frame that draws the cards in view (performance.now() is relative to navigation
 * start). The board mounts the rest after it, a slice a frame
 * (client/board/openBigBoardGradually.ts), so the scenario also reports when that frame
 * was painted, when every card's shape is in the page, when tldraw's toolbar was painted
 * (the tools are usable), and the longest main-thread task in between: how long a click
 * could wait while the rest comes in. Beside them, when the first socket opened, when the
 * sync step 2 arrived and how long the main thread took to apply it, to split the time,
 * and the bytes: the sync step 2's size and the HTTP response
 * bodies as sent (compressed or not) by the interactive frame. The person has
 * joined before (session pre-seeded in localStorage, as client/join/sessionStore.ts keeps
 * it), so no form is in the way; each trial is a fresh browser context (empty cache, empty
 * IndexedDB). Once a trial's page is open it is reloaded, as a returning participant would,
 * and timed again to its interactive frame.
 *
 * BENCH_BROWSER_TRACE=<dir>: the first trial is recorded in <dir>/<scenario>.trace.json.
 */
const CARDS = 1000
const TRIALS = 3
/** What the page logs once every card is mounted: the trial is over. */
const DONE_MESSAGE = 'browserJoin: every card mounted'

interface InteractiveTimes {
  /** The first WebSocket the page opened. */
  socketAt?: number
  /** The board's sync step 2 (the first message over 100 KB) reached the page. */
  syncAt?: number
  /** How long the provider's handler of that message ran (applying it to the document). */
  syncHandledMs?: number
  /** That message's size, as it came over the socket (WebSocket messages are not compressed). */
  syncBytes?: number
  /** HTTP response bodies as sent (compressed or not) that had arrived by frameAt. */
  httpBytesByFrame?: number
  /** The board document downloaded over HTTP (a first visit): when it had arrived. */
  documentAt?: number
  /** Its body as sent, and decoded. */
  documentBytes?: number
  documentDecodedBytes?: number
  editorAt?: number
  shapesAt?: number
  /** The first animation frame after that: the page has rendered and can respond. */
  frameAt?: number
  /** The next frame began: the first one has been painted. */
  paintedAt?: number
  /** Card shapes in the page's DOM at frameAt. */
  cardsAtFrame?: number
  /** Every card's shape is in the page's DOM (the rest of a big board shown after the view). */
  allMountedAt?: number
  /** The frame after the one that found tldraw's toolbar in the page began: it is painted. */
  toolsPaintedAt?: number
  /** Every main-thread task over 50 ms, as [start, duration] (PerformanceObserver 'longtask'). */
  longTasks?: [number, number][]
}

/**
 * Runs in the page before any of its scripts. A setter on `window.__catchball` notes the
 * moment the board exposes its editor (in tldraw's onMount); from then on the store is
 * checked for the card shapes (at once, then every 20 ms), and the next animation frame
 * after they are all there marks the page as rendered; the page's DOM is then polled for
 * every card's shape. The WebSocket class is wrapped to note when the first socket is
 * created, and its `onmessage` to note when the first message over 100 KB (the sync step 2)
 * arrives and how long the provider's handling of it takes. Plain JavaScript in a
 * string: a function would be serialized after tsx compiled it, with helpers the page
 * lacks.
 */
const watchInteractive = (cards: number) => `
(() => {
  const times = { longTasks: [] }
  window.benchInteractive = times
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) times.longTasks.push([entry.startTime, entry.duration])
  }).observe({ type: 'longtask', buffered: true })
  const PageSocket = window.WebSocket
  window.WebSocket = class extends PageSocket {
    constructor(...args) {
      super(...args)
      if (times.socketAt === undefined) times.socketAt = performance.now()
    }
    // The provider's handler: when the sync step 2 (the first message over 100 KB) arrived,
    // and how long the main thread took to apply it.
    set onmessage(handler) {
      super.onmessage = handler && ((event) => {
        const isSync = times.syncAt === undefined && event.data && event.data.byteLength > 100000
        const start = performance.now()
        if (isSync) {
          times.syncAt = start
          times.syncBytes = event.data.byteLength
        }
        try {
          return handler.call(this, event)
        } finally {
          if (isSync) times.syncHandledMs = performance.now() - start
        }
      })
    }
    get onmessage() {
      return super.onmessage
    }
  }
  let api
  let polls = 0
  let mountPolls = 0
  let toolPolls = 0
  const cardsInPage = () =>
    document.querySelectorAll('.tl-shape[data-shape-type="okr-card"]').length
  function reportWhenDone() {
    if (times.allMountedAt !== undefined && times.toolsPaintedAt !== undefined)
      console.debug(${JSON.stringify(DONE_MESSAGE)})
  }
  function checkMounted() {
    if (cardsInPage() >= ${cards}) {
      times.allMountedAt = performance.now()
      reportWhenDone()
    } else if (++mountPolls < 6000) setTimeout(checkMounted, 20)
  }
  function checkTools() {
    if (document.querySelector('.tlui-main-toolbar')) {
      requestAnimationFrame(() =>
        requestAnimationFrame((nextFrameBegan) => {
          times.toolsPaintedAt = nextFrameBegan
          reportWhenDone()
        }),
      )
    } else if (++toolPolls < 6000) setTimeout(checkTools, 20)
  }
  function check() {
    if (!api || !api.editor || times.shapesAt !== undefined) return
    const shapes = api.editor.store
      .allRecords()
      .filter((r) => r.typeName === 'shape' && r.type === 'okr-card')
    if (shapes.length >= ${cards}) {
      times.shapesAt = performance.now()
      requestAnimationFrame(() => {
        times.frameAt = performance.now()
        times.cardsAtFrame = cardsInPage()
        checkTools()
        // Resource timing's encodedBodySize: the bytes each response body took on the wire.
        times.httpBytesByFrame = performance
          .getEntriesByType('navigation')
          .concat(performance.getEntriesByType('resource'))
          .filter((entry) => entry.responseEnd <= times.frameAt)
          .reduce((sum, entry) => sum + entry.encodedBodySize, 0)
        const download = performance
          .getEntriesByType('resource')
          .find((entry) => new URL(entry.name).pathname.endsWith('/document'))
        if (download) {
          times.documentAt = download.responseEnd
          times.documentBytes = download.encodedBodySize
          times.documentDecodedBytes = download.decodedBodySize
        }
        // The next frame begins once this one is painted.
        requestAnimationFrame((nextFrameBegan) => {
          times.paintedAt = nextFrameBegan
          checkMounted()
        })
      })
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

/** One fresh browser opening the board; times in ms from navigation start. */
interface Trial {
  socketMs: number
  /** Undefined when no socket message over 100 KB came (the board was downloaded first). */
  syncMs?: number
  syncHandledMs?: number
  syncBytes?: number
  httpBytesByFrame: number
  documentMs?: number
  documentBytes?: number
  documentDecodedBytes?: number
  editorMs: number
  interactiveMs: number
  renderedMs: number
  /** Card shapes in the page in that frame: the cards in and around the view. */
  cardsInFrame: number
  paintedMs: number
  allMountedMs: number
  /** tldraw's toolbar painted. */
  toolsPaintedMs: number
  longestTaskWhileTheRestMountsMs: number
  /** Interactive again after a reload in the same context (cache and local copy warm). */
  reopenedMs: number
  pageErrors: number
}

/**
 * Navigate with `navigate` and wait until the page logs that every card is mounted; the
 * times it noted. Waiting on a console message, not page.waitForFunction: that would
 * inject Playwright's utility script into the page while it opens (~130 ms of its main
 * thread in a trace), where no user's browser runs it.
 */
async function openAndWatch(
  page: Page,
  problems: string[],
  navigate: () => Promise<unknown>,
): Promise<InteractiveTimes> {
  const done = page.waitForEvent('console', {
    predicate: (message) => message.text() === DONE_MESSAGE,
    timeout: 120_000,
  })
  done.catch(() => undefined) // if the navigation fails first, that error is reported
  await navigate()
  await done.catch(async (err: Error) => {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 300))
    throw new Error(`${err.message}\npage: ${text}\nerrors: ${problems.join('\n')}`)
  })
  return (await page.evaluate(readTimes))!
}

const readTimes = () =>
  (window as unknown as { benchInteractive?: InteractiveTimes }).benchInteractive

/**
 * A participant's connection to the server, as Chromium's DevTools emulate it (HTTP and
 * WebSocket alike): for opening a board from somewhere else than the server's own machine.
 */
export interface EmulatedLink {
  label: string
  latencyMs: number
  downloadMbitPerS: number
  uploadMbitPerS: number
}

const bytesPerS = (mbitPerS: number) => (mbitPerS * 1_000_000) / 8

async function emulate(page: Page, link: EmulatedLink): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.latencyMs,
    downloadThroughput: bytesPerS(link.downloadMbitPerS),
    uploadThroughput: bytesPerS(link.uploadMbitPerS),
  })
}

/** A remote participant on a fair home connection. */
const HOME_LINK: EmulatedLink = {
  label: '20 Mbit/s down, 5 up, 40 ms',
  latencyMs: 40,
  downloadMbitPerS: 20,
  uploadMbitPerS: 5,
}

export const browserJoin = browserJoinScenario('browserJoin')

/**
 * The same opening over an emulated home connection: what the build's size and the sync's
 * size cost someone who is not on the server's machine. No goal of the applies.
 */
export const browserJoinOverHomeLink = browserJoinScenario('browserJoinOverHomeLink', HOME_LINK)

function browserJoinScenario(name: string, link?: EmulatedLink): Scenario {
  return {
    name,
    description:
      `${CARDS}-card board opened in headless Chromium → editor + all card shapes` +
      (link ? ` (over ${link.label})` : ''),
    timeoutMs: 420_000,
    async run(ctx) {
      const build = await clientBuild(ctx)
      const catchball = await startCatchball(ctx, { CLIENT_DIR: build.dir })
      const server = catchball.server!
      const board = await createSeededBoard(server, 'Browser join bench', CARDS)

      const browser = await launchBenchBrowser(ctx)
      const trials: Trial[] = []
      for (let t = 0; t < TRIALS; t++) {
        const person = await join(
          server.url,
          board.id,
          `Browser ${t + 1}`,
          board.tokens.participant,
        )
        const context = await personContext(browser, board.id, person)
        try {
          await context.addInitScript({ content: watchInteractive(CARDS) })
          const page = await context.newPage()
          if (link) await emulate(page, link)
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
              path: joinPath(traceDir, `${name}.trace.json`),
              categories: TRACE_CATEGORIES,
            })
          }
          const times = await openAndWatch(page, problems, () =>
            page.goto(`${server.url}/b/${board.id}`),
          )
          if (traceDir !== undefined) await browser.stopTracing()
          // The same person reloading: HTTP cache, compiled code and the board's local copy
          // (IndexedDB) are there from the first opening.
          const reopened = await openAndWatch(page, problems, () => page.reload())
          // Tasks that began once the first frame was painted, while the rest mounted.
          const whileTheRestMounts = times.longTasks!.filter(
            ([start]) => start >= times.paintedAt! && start < times.allMountedAt!,
          )
          trials.push({
            socketMs: times.socketAt!,
            syncMs: times.syncAt,
            syncHandledMs: times.syncHandledMs,
            syncBytes: times.syncBytes,
            httpBytesByFrame: times.httpBytesByFrame!,
            documentMs: times.documentAt,
            documentBytes: times.documentBytes,
            documentDecodedBytes: times.documentDecodedBytes,
            editorMs: times.editorAt!,
            interactiveMs: times.shapesAt!,
            renderedMs: times.frameAt!,
            cardsInFrame: times.cardsAtFrame!,
            allMountedMs: times.allMountedAt!,
            paintedMs: times.paintedAt!,
            toolsPaintedMs: times.toolsPaintedAt!,
            longestTaskWhileTheRestMountsMs: Math.max(
              0,
              ...whileTheRestMounts.map(([, duration]) => duration),
            ),
            reopenedMs: reopened.frameAt!,
            pageErrors,
          })
        } finally {
          await context.close()
        }
      }
      await browser.close()
      await catchball.stop()

      const s = name
      // Interactive = the first frame after every card is in the store, the cards in view
      // drawn. The rest of a big board mounts after it, a slice a frame; the longest task
      // while it does is how long a click or a pan could wait then.
      const interactive = trials.map((t) => t.renderedMs)
      const medianRow = (label: string, pick: (trial: Trial) => number) =>
        row(s, `${label}, median`, 'ms', median(trials.map(pick)), null)
      const longestTask = Math.max(...trials.map((t) => t.longestTaskWhileTheRestMountsMs))
      const pageErrors = trials.reduce((n, t) => n + t.pageErrors, 0)
      const rows = [
        row(
          s,
          'interactive, median of 3',
          'ms',
          median(interactive),
          null,
          // The goal is for a browser on the server's machine.
          link ? undefined : below(2000, 'ms'),
        ),
        row(s, 'interactive, first (cold)', 'ms', interactive[0], null),
        row(
          s,
          'cards in that frame, median',
          'count',
          median(trials.map((t) => t.cardsInFrame)),
          null,
        ),
        medianRow('that frame painted', (t) => t.paintedMs),
        medianRow('every card mounted', (t) => t.allMountedMs),
        // When the tools can be used: a change that shows the cards sooner by mounting
        // tldraw's panels later shows here.
        medianRow("tldraw's toolbar painted", (t) => t.toolsPaintedMs),
        row(s, 'longest task from the paint until every card is mounted', 'ms', longestTask, null),
        medianRow('first socket opened', (t) => t.socketMs),
        // The board comes one way or the other: downloaded over HTTP before the socket
        // connects (a first visit), or as the socket's sync step 2.
        ...(trials.every((t) => t.documentMs !== undefined)
          ? [
              medianRow('board document downloaded (HTTP)', (t) => t.documentMs!),
              row(
                s,
                'board document: on the wire / decoded',
                'KiB',
                `${Math.round(trials[0].documentBytes! / 1024)} / ${Math.round(trials[0].documentDecodedBytes! / 1024)}`,
                null,
              ),
            ]
          : []),
        ...(trials.every((t) => t.syncMs !== undefined)
          ? [
              medianRow('sync step 2 reached the page', (t) => t.syncMs!),
              medianRow('sync step 2 applied in (main thread)', (t) => t.syncHandledMs!),
              row(s, 'sync step 2 size', 'KiB', Math.round(trials[0].syncBytes! / 1024), null),
            ]
          : []),
        row(
          s,
          'downloaded over HTTP by the interactive frame, first (cold)',
          'KiB',
          Math.round(trials[0].httpBytesByFrame / 1024),
          null,
        ),
        medianRow('editor mounted', (t) => t.editorMs),
        medianRow('every card in the store', (t) => t.interactiveMs),
        medianRow('reopened by a reload: interactive', (t) => t.reopenedMs),
        row(s, 'page errors', 'count', pageErrors, null),
      ]
      return {
        figures: rowsAsFigures(rows),
        details: { comparison: rows, cards: CARDS, client: build.source, trials },
      }
    },
  }
}
