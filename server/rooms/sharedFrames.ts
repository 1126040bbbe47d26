import { binaryFrame, compressedBinaryFrame } from './websocketFrame.ts'

/**
 * The frames a room's messages go out in, made once and shared by every receiver. A room
 * sends the same message object to everyone in it: its frame is remembered for as long as
 * the message lives, and the frames of messages sent together (a document update with the
 * cursor changes waiting for the tick) are joined once into one buffer for all.
 *
 * `compressFrom`: for a socket that agreed on permessage-deflate, messages of at least this
 * many bytes go as one compressed frame (also made once for all such sockets); `null` for a
 * socket that did not, or when compression is off.
 */
export function framesFor(messages: Uint8Array[], compressFrom: number | null): Buffer {
  if (messages.length === 1) return frameOf(messages[0], compressFrom)
  const [first, ...rest] = messages
  const known = joined.get(first)
  if (
    known &&
    known.compressFrom === compressFrom &&
    known.rest.length === rest.length &&
    known.rest.every((message, i) => message === rest[i])
  ) {
    return known.frames
  }
  const frames = Buffer.concat(messages.map((message) => frameOf(message, compressFrom)))
  joined.set(first, { rest, compressFrom, frames })
  return frames
}

const plainFrames = new WeakMap<Uint8Array, Buffer>()
const compressedFrames = new WeakMap<Uint8Array, Buffer>()
/** Kept with the first message of a group; the others are checked to be the same. */
const joined = new WeakMap<
  Uint8Array,
  { rest: Uint8Array[]; compressFrom: number | null; frames: Buffer }
>()

function frameOf(message: Uint8Array, compressFrom: number | null): Buffer {
  const compress = compressFrom !== null && message.byteLength >= compressFrom
  const cache = compress ? compressedFrames : plainFrames
  let frame = cache.get(message)
  if (!frame) {
    frame = compress ? compressedBinaryFrame(message) : binaryFrame(message)
    cache.set(message, frame)
  }
  return frame
}
