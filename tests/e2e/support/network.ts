import type { WebSocketRoute } from '@playwright/test'
import { fionaAndPaulOnABoard } from './boardFlows.ts'
import type { Person } from './fixtures.ts'
import { isAppUrl } from './originGuard.ts'

/** Turns one person's network off and on again, sockets included. */
export interface NetworkSwitch {
  goOffline(): Promise<void>
  goOnline(): Promise<void>
}

/**
 * `context.setOffline(true)` fails new HTTP requests and makes `navigator.onLine` false, but
 * Chromium leaves open WebSockets running (microsoft/playwright#4910), so an "offline" edit
 * would still be sent live. A real network loss also kills the sockets; this switch does
 * that too: the board's sockets are routed through Playwright, dropped (close code 1006,
 * "abnormal closure", as the browser reports a lost connection) when going offline, and
 * refused while offline. Install it before the person opens the board.
 */
export async function installNetworkSwitch(person: Person, appUrl: string): Promise<NetworkSwitch> {
  let online = true
  const open = new Set<WebSocketRoute>()

  await person.context.routeWebSocket(
    (url) => isAppUrl(url.href, appUrl) && url.pathname.startsWith('/yjs/'),
    (socket) => {
      if (!online) {
        void socket.close({ code: 1006, reason: 'offline' })
        return
      }
      // No message handlers: Playwright then passes every frame straight through.
      socket.connectToServer()
      open.add(socket)
    },
  )

  return {
    async goOffline() {
      online = false
      await person.context.setOffline(true)
      const dropping = [...open]
      open.clear()
      await Promise.all(dropping.map((socket) => socket.close({ code: 1006, reason: 'offline' })))
    },
    async goOnline() {
      online = true
      await person.context.setOffline(false)
    },
  }
}

/** Fiona and Paul on a new board (fionaAndPaulOnABoard), with a switch for Paul's network. */
export async function fionaAndPaulWithPaulsNetworkSwitch(
  newPerson: (name: string) => Promise<Person>,
  appUrl: string,
  title: string,
) {
  let paulsNetwork: NetworkSwitch | undefined
  const people = await fionaAndPaulOnABoard(newPerson, title, async (paul) => {
    paulsNetwork = await installNetworkSwitch(paul, appUrl)
  })
  return { ...people, paulsNetwork: paulsNetwork! }
}
