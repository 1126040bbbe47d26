import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Make the provider send our own awareness state only, not everyone's.
 *
 * The stock y-websocket provider (3.1) sends every awareness change it hears of, including
 * the ones the server just sent it (yjs issue 732). Each cursor tick brings everyone's
 * cursors, so every browser sent them all back, ten times a second: in a room of 200 that is
 * 200 × 200 states a tick for the server to read and drop as already known, and each
 * browser encoding and sending 200 states it did not change. Others' states reach everyone
 * from the server; ours is the only one we need to send. Returns what undoes it.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  // The provider's own handler, as it registered it: it encodes the states of the client ids
  // it is given and sends them.
  // oxlint-disable-next-line no-underscore-dangle
  const sendStates = provider._awarenessUpdateHandler
  const sendOwn = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const own = awareness.clientID
    if (added.includes(own) || updated.includes(own) || removed.includes(own)) {
      sendStates({ added: [], updated: [own], removed: [] }, origin)
    }
  }
  awareness.off('update', sendStates)
  awareness.on('update', sendOwn)
  return () => {
    awareness.off('update', sendOwn)
    awareness.on('update', sendStates)
  }
}
