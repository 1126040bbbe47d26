import { constants as zlib, deflateRawSync } from 'node:zlib'

const FIN = 0x80
/** permessage-deflate's "this message is compressed" bit (RFC 7692 §6). */
const RSV1 = 0x40
const BINARY = 0x2

/**
 * A message as one final, unmasked, binary WebSocket frame (RFC 6455 §5.2), header and
 * payload in one buffer: what a server writes for `ws.send(message, { binary: true })`
 * without extensions. The payload length takes 7 bits up to 125 bytes, then 16 bits
 * (marker 126), then 64 bits (marker 127).
 */
export function binaryFrame(message: Uint8Array): Buffer {
  return frame(FIN | BINARY, message)
}

/**
 * A message as one compressed frame for a socket that agreed on permessage-deflate with
 * `server_no_context_takeover`: the payload is compressed on its own (RFC 7692 §7.2.1:
 * DEFLATE, then the empty block a sync flush ends with, 00 00 ff ff, is left off), so the
 * same frame is valid on every such socket. Level 1: a big board's sync step 2 compresses
 * to ~16 % in ~5 ms; the highest level gains 2 points for twice the time.
 */
export function compressedBinaryFrame(message: Uint8Array): Buffer {
  const deflated = deflateRawSync(message, { level: 1, finishFlush: zlib.Z_SYNC_FLUSH })
  return frame(FIN | RSV1 | BINARY, deflated.subarray(0, deflated.length - 4))
}

function frame(firstByte: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const headerLength = length <= 125 ? 2 : length <= 0xffff ? 4 : 10
  const bytes = Buffer.allocUnsafe(headerLength + length)
  bytes[0] = firstByte
  if (length <= 125) {
    bytes[1] = length
  } else if (length <= 0xffff) {
    bytes[1] = 126
    bytes.writeUInt16BE(length, 2)
  } else {
    bytes[1] = 127
    bytes.writeBigUInt64BE(BigInt(length), 2)
  }
  bytes.set(payload, headerLength)
  return bytes
}
