import type { BrowserContext, Page } from '@playwright/test'

/**
 * Catchball runs on the company's own server and must never call another host: fonts,
 * icons and scripts come from the app itself. This records every request (and WebSocket)
 * a browser context makes and keeps the ones that leave the app's origin. It also records
 * attempts that the app's Content-Security-Policy stopped before they became requests: the
 * call was still made (and whatever it was for is broken), so it counts as leaving too.
 */
export interface OriginGuard {
  /** `person: METHOD url` for every request that went to another origin. */
  readonly outside: string[]
  /** How many requests stayed on the origin: proves the guard saw traffic at all. */
  sameOriginCount(): number
  /** Watch a page's WebSockets (pages from `context.newPage()` are also caught by the event). */
  watchPage(page: Page): void
}

export function isAppUrl(url: string, appUrl: string): boolean {
  // Inline resources never touch the network.
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  const app = new URL(appUrl)
  const socketProtocol = app.protocol === 'https:' ? 'wss:' : 'ws:'
  return target.host === app.host && [app.protocol, socketProtocol].includes(target.protocol)
}

/** Name of the function the page calls to report a CSP violation (see guardOrigin). */
const CSP_REPORT_BINDING = 'catchballE2eReportCspViolation'

export async function guardOrigin(
  context: BrowserContext,
  appUrl: string,
  who: string,
): Promise<OriginGuard> {
  const outside: string[] = []
  let same = 0
  const check = (method: string, url: string) => {
    if (isAppUrl(url, appUrl)) same++
    else outside.push(`${who}: ${method} ${url}`)
  }
  context.on('request', (request) => check(request.method(), request.url()))
  // WebSockets are not "requests" in Playwright; y-websocket's sockets are checked here.
  const watched = new WeakSet<Page>()
  const watchPage = (page: Page) => {
    if (watched.has(page)) return
    watched.add(page)
    page.on('websocket', (socket) => check('WEBSOCKET', socket.url()))
  }
  context.on('page', watchPage)
  context.pages().forEach(watchPage)

  // A request blocked by CSP never reaches the network, so Playwright sees no request; the
  // page's `securitypolicyviolation` event names the URL it tried ('inline', 'eval' and the
  // like are not calls to a host and are left to other checks).
  await context.exposeBinding(
    CSP_REPORT_BINDING,
    (_source, blockedUrl: string, directive: string) => {
      if (/^(https?|wss?):/.test(blockedUrl) && !isAppUrl(blockedUrl, appUrl)) {
        outside.push(`${who}: blocked by CSP (${directive}) ${blockedUrl}`)
      }
    },
  )
  await context.addInitScript((binding) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, unknown>)[binding]
        if (typeof report === 'function') report(event.blockedURI, event.effectiveDirective)
      },
      true,
    )
  }, CSP_REPORT_BINDING)

  return { outside, sameOriginCount: () => same, watchPage }
}
