import { request } from 'node:http'

/**
 * A WebSocket upgrade sent byte for byte, so the path reaches the server exactly as
 * written: a WebSocket client would normalize `..` and `%2e%2e` away before sending.
 * Resolves with the HTTP status if the upgrade is refused, or with the close code of the
 * first frame the server sends after accepting it.
 */
export function rawUpgrade(
  baseUrl: string,
  path: string,
): Promise<{ status: number } | { closeCode: number }> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({
      host: hostname,
      port,
      path,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': Buffer.from('catchball-tests!').toString('base64'),
      },
    })
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to the upgrade of ${path}`)))
    req.on('error', reject)
    req.on('response', (response) => {
      response.resume()
      resolve({ status: response.statusCode ?? 0 })
    })
    req.on('upgrade', (_response, socket, head) => {
      let received = head
      const readClose = () => {
        // A server frame is unmasked: byte 0 is FIN + opcode (0x8 close), byte 1 the
        // length, then the 2-byte close code.
        if (received.length < 4) return
        socket.destroy()
        if ((received[0] & 0x0f) !== 0x8) reject(new Error(`expected a close frame for ${path}`))
        else resolve({ closeCode: received.readUInt16BE(2) })
      }
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        readClose()
      })
      socket.on('error', reject)
      readClose()
    })
    req.end()
  })
}
