import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

/** A stock y-websocket provider in Node, the way a browser connects. */
export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

export function connectClient(
  wsUrl: string,
  room: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): YClient {
  return connectProvider(`${wsUrl}/yjs`, room, { token }, doc)
}

/**
 * A stock client for a full room URL: Catchball's (`…/yjs/<id>?token=…`) or the reference
 * relay's (`…/<room>`, no token), as the bench's targets hand them out.
 */
export function connectClientAt(roomUrl: string): YClient {
  const url = new URL(roomUrl)
  const slash = url.pathname.lastIndexOf('/')
  const token = url.searchParams.get('token')
  return connectProvider(
    `${url.protocol}//${url.host}${url.pathname.slice(0, slash)}`,
    url.pathname.slice(slash + 1),
    token ? { token } : {},
    new Y.Doc(),
  )
}

function connectProvider(
  serverUrl: string,
  room: string,
  params: Record<string, string>,
  doc: Y.Doc,
): YClient {
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function waitForSync(client: YClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timeout')), timeoutMs)
    client.provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Poll until `check` returns true (convergence across sockets is asynchronous). */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Open a raw socket, send `send` (one frame or several, in order) the moment it opens, and
 * resolve with the close code the server sends.
 */
export function closeCodeOf(
  url: string,
  send?: Uint8Array | string | readonly (Uint8Array | string)[],
  timeoutMs = 5000,
): Promise<number> {
  const frames = send === undefined ? [] : Array.isArray(send) ? send : [send]
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    const timer = setTimeout(() => reject(new Error(`socket was not closed: ${url}`)), timeoutMs)
    socket.on('open', () => frames.forEach((frame) => socket.send(frame)))
    socket.on('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    // Writing into a socket the server has closed.
    socket.on('error', () => undefined)
  })
}
