import { WebSocket } from 'ws'
import { syncFrame } from './malformedCorpus.ts'

/** The close code the server sent, or 'open' when it answered the probe after the frame. */
export type FrameResult = number | 'open'

/** Sync step 1 with an empty state vector: the server must answer it with sync step 2. */
const PROBE = syncFrame(0, new Uint8Array([0]))
const isSyncStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1

/**
 * Open a raw socket, send `frame` and then the probe. The server handles a socket's frames in
 * order, so a sync step 2 arriving means it got past `frame` with the socket open (this also
 * covers a frame that is itself a sync step 1); a close means `frame` was refused.
 */
export function sendFrame(
  url: string,
  frame: Uint8Array,
  timeoutMs = 20_000,
): Promise<FrameResult> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false })
    let settled = false
    const settle = (result: FrameResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error('the server neither answered nor closed the socket'))
    }, timeoutMs)
    socket.on('open', () => {
      socket.send(frame)
      socket.send(PROBE)
    })
    socket.on('message', (data: Buffer) => {
      if (!isSyncStep2(data) || settled) return
      settle('open')
      socket.close()
    })
    socket.on('close', (code) => settle(code))
    socket.on('error', () => undefined)
  })
}
