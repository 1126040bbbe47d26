import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import type { Joined } from '../../tests/support/api.ts'
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

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking']

/**
 * Chromium 156 builds its address bar's popup, a WebUI page in a renderer of its own, for
 * each window, and each new context opens one: in a trace of a join, that renderer kept one
 * of this machine's two cores busy for the first 2.7 s, while the page opened. Someone
 * following a link has their browser's windows open already, so the bench turns those two
 * features off (Puppeteer's defaults do too).
 */
const ADDRESS_BAR_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

/** Debian's Chromium, as the browser tests use it; closed when the scenario ends. */
export async function launchBenchBrowser(ctx: ScenarioContext): Promise<Browser> {
  // Chromium keeps only the last --disable-features it is given: ours must carry the list
  // Playwright passes as well, which a first launch shows on chrome://version.
  const playwrightSwitch = await playwrightDisabledFeatures()
  const disabled = [playwrightSwitch.slice(DISABLE_FEATURES.length), ...ADDRESS_BAR_POPUP_FEATURES]
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: [playwrightSwitch],
    args: [...ARGS, `${DISABLE_FEATURES}${disabled.filter(Boolean).join(',')}`],
  })
  ctx.defer('close Chromium', () => browser.close())
  return browser
}

const DISABLE_FEATURES = '--disable-features='

/** The --disable-features switch Chromium applies when Playwright launches it. */
async function playwrightDisabledFeatures(): Promise<string> {
  const probe = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const page = await probe.newPage()
    await page.goto('chrome://version')
    const commandLine = await page.locator('#command_line').innerText()
    // The last one is the one Chromium applies.
    const found = commandLine.split(/\s+/).findLast((arg) => arg.startsWith(DISABLE_FEATURES))
    if (!found) throw new Error(`no ${DISABLE_FEATURES} on Chromium's command line`)
    return found
  } finally {
    await probe.close()
  }
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
