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
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, room, doc, {
    params: { token },
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
