/**
 * Messages as final, unmasked, binary WebSocket frames (RFC 6455 §5.2), one after the
 * other in one buffer, headers and payloads: what a server writes for
 * `ws.send(message, { binary: true })` of each, without extensions. A payload length
 * takes 7 bits up to 125 bytes, then 16 bits (marker 126), then 64 bits (marker 127).
 */
export function binaryFrames(...messages: Uint8Array[]): Buffer {
  let size = 0
  for (const message of messages) size += headerLength(message.byteLength) + message.byteLength
  const frames = Buffer.allocUnsafe(size)
  let at = 0
  for (const message of messages) {
    const length = message.byteLength
    frames[at] = 0x80 | 0x2 // FIN, opcode 2 (binary)
    if (length <= 125) {
      frames[at + 1] = length
    } else if (length <= 0xffff) {
      frames[at + 1] = 126
      frames.writeUInt16BE(length, at + 2)
    } else {
      frames[at + 1] = 127
      frames.writeBigUInt64BE(BigInt(length), at + 2)
    }
    at += headerLength(length)
    frames.set(message, at)
    at += length
  }
  return frames
}

function headerLength(payloadLength: number): number {
  return payloadLength <= 125 ? 2 : payloadLength <= 0xffff ? 4 : 10
}
