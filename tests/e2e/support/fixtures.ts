import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { withoutAddressBarPopup } from '../../support/chromiumLaunch.ts'
import { readAppUrl } from './appUrl.ts'
import { guardOrigin, type OriginGuard } from './originGuard.ts'

/** One simulated person: their own browser context (storage, IndexedDB, network) and tab. */
export interface Person {
  readonly name: string
  readonly context: BrowserContext
  readonly page: Page
}

interface E2eFixtures {
  /** Origin of the server started by the global setup, e.g. http://127.0.0.1:41234. */
  appUrl: string
  /**
   * A fresh person: `browser.newContext()` plus a page. Every request the context makes
   * is recorded, and the test fails if any went to another origin than the app's.
   */
  newPerson: (name: string) => Promise<Person>
}

interface Tracked {
  person: Person
  guard: OriginGuard
  log: string[]
}

export const test = base.extend<E2eFixtures>({
  // The config's launch options, without Chromium's address-bar popup (see chromiumLaunch.ts):
  // on 2 cores it took a core from every person's page while it opened.
  launchOptions: [
    async ({ launchOptions }, use) => use(await withoutAddressBarPopup(launchOptions)),
    { scope: 'worker' },
  ],

  // Playwright reads fixture dependencies from the destructuring pattern, so it stays.
  // oxlint-disable-next-line no-empty-pattern
  appUrl: async ({}, use) => {
    await use(readAppUrl())
  },

  newPerson: async ({ browser, appUrl }, use, testInfo) => {
    const people: Tracked[] = []

    await use(async (name: string) => {
      const context = await browser.newContext({ baseURL: appUrl })
      const guard = await guardOrigin(context, appUrl, name)
      const page = await context.newPage()
      guard.watchPage(page)
      const log: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          log.push(`[${message.type()}] ${message.text()}`)
        }
      })
      page.on('pageerror', (error) => log.push(`[pageerror] ${error.stack ?? error.message}`))
      const person: Person = { name, context, page }
      people.push({ person, guard, log })
      return person
    })

    // What each person saw when the test failed: their screen and their console.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const { person, log } of people) {
        const slug = person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
        const path = testInfo.outputPath(`${slug}.png`)
        const shot = await person.page.screenshot({ path, timeout: 5_000 }).catch(() => null)
        if (shot) await testInfo.attach(`${person.name} screen`, { path, contentType: 'image/png' })
        if (log.length > 0) {
          await testInfo.attach(`${person.name} console`, {
            body: log.join('\n'),
            contentType: 'text/plain',
          })
        }
      }
    }
    const visitors = people.filter(({ person }) => person.page.url() !== 'about:blank')
    await Promise.all(people.map(({ person }) => person.context.close()))

    const outside = people.flatMap(({ guard }) => guard.outside)
    expect(outside, 'requests that left the app origin').toEqual([])
    for (const { person, guard } of visitors) {
      // A guard that saw nothing would pass vacuously; a person who opened the app made requests.
      expect(guard.sameOriginCount(), `requests seen for ${person.name}`).toBeGreaterThan(0)
    }
  },
})

export { expect }
