import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import type { Joined } from '../../tests/support/api.ts'
import { withoutAddressBarPopup } from '../../tests/support/chromiumLaunch.ts'
import type { ScenarioContext } from '../support/scenario.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * BENCH_BROWSER_TRACE=<dir>: the browser scenarios record a Chrome trace (with the JS
 * sampling profiler) there, to open in Chrome DevTools' Performance panel or
 * https://ui.perfetto.dev (both local; the file never leaves).
 */
export const TRACE_DIR = process.env.BENCH_BROWSER_TRACE
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
]

/** Debian's Chromium, as the browser tests use it; closed when the scenario ends. */
export async function launchBenchBrowser(ctx: ScenarioContext): Promise<Browser> {
  const browser = await chromium.launch(
    await withoutAddressBarPopup({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  )
  ctx.defer('close Chromium', () => browser.close())
  return browser
}

/**
 * A fresh context (empty cache, empty IndexedDB) for someone who has joined the board
 * before: their session is pre-seeded in localStorage, as client/join/sessionStore.ts keeps
 * it, so the board opens without the join form.
 */
export async function personContext(
  browser: Browser,
  boardId: string,
  person: Joined,
): Promise<BrowserContext> {
  const session = { boardId, ...person, color: '#4f7cff' }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    `catchball:session:${boardId}`,
    JSON.stringify(session),
  ] as const)
  return context
}
