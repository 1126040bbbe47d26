import { chromium, type LaunchOptions } from '@playwright/test'

/**
 * Chromium 156 builds its address bar's popup, a WebUI page in a renderer of its own, for
 * each window, and each new context opens one: in a trace of a board opening, that
 * renderer kept one of a 2-core machine's cores busy for the first 2.7 s. Someone who
 * follows a link has their browser's windows open already, so the bench and the browser
 * tests turn those two features off (Puppeteer's defaults do too).
 */
const ADDRESS_BAR_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']
const DISABLE_FEATURES = '--disable-features='

/**
 * `options` with the address bar's popup off. Chromium applies only the last
 * --disable-features it is given, so the one added here carries the list Playwright passes
 * as well, read off chrome://version of a first launch with the same options.
 */
export async function withoutAddressBarPopup(options: LaunchOptions): Promise<LaunchOptions> {
  let applied: string
  try {
    applied = await appliedDisabledFeatures(options)
  } catch (err) {
    // A Chromium that does not show its command line still runs the tests, only slower.
    console.warn(`Chromium's address-bar popup stays on: ${(err as Error).message}`)
    return options
  }
  const disabled = [applied.slice(DISABLE_FEATURES.length), ...ADDRESS_BAR_POPUP_FEATURES]
  const ignored = Array.isArray(options.ignoreDefaultArgs) ? options.ignoreDefaultArgs : []
  return {
    ...options,
    ignoreDefaultArgs: [...ignored, applied],
    args: [...(options.args ?? []), `${DISABLE_FEATURES}${disabled.filter(Boolean).join(',')}`],
  }
}

/** The --disable-features switch Chromium applies when launched with `options`. */
async function appliedDisabledFeatures(options: LaunchOptions): Promise<string> {
  const probe = await chromium.launch(options)
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
