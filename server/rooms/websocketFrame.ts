/**
 * A message as one final, unmasked, binary WebSocket frame (RFC 6455 §5.2), header and
 * payload in one buffer: what a server writes for `ws.send(message, { binary: true })`
 * without extensions. The payload length takes 7 bits up to 125 bytes, then 16 bits
 * (marker 126), then 64 bits (marker 127).
 */
export function binaryFrame(message: Uint8Array): Buffer {
  const length = message.byteLength
  const headerLength = length <= 125 ? 2 : length <= 0xffff ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x80 | 0x2 // FIN, opcode 2 (binary)
  if (length <= 125) {
    frame[1] = length
  } else if (length <= 0xffff) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, headerLength)
  return frame
}
