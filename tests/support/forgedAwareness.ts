import * as encoding from 'lib0/encoding'

/** y-websocket's message type for awareness. */
const MESSAGE_AWARENESS = 1

/** An awareness update written by hand: [client id, clock, state as JSON text] each. */
export function forgedAwarenessUpdate(entries: [number, number, string][]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

/** The same, as the awareness message a client sends on its socket. */
export function forgedAwarenessMessage(entries: [number, number, string][]): Uint8Array {
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(message, forgedAwarenessUpdate(entries))
  return encoding.toUint8Array(message)
}
