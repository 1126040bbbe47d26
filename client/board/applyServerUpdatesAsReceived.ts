import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import type { ReceivedUpdateDoc } from './ReceivedUpdateDoc.ts'

/**
 * Let the provider apply what the server sends (the sync step 2 that brings the whole board,
 * and every later update) through `ReceivedUpdateDoc.applyReceived`, so the document's
 * `update` listeners get the received bytes instead of a second encoding of them. The rest of
 * the sync protocol (answering the server's sync step 1) stays y-websocket's own handler.
 */
export function applyServerUpdatesAsReceived(
  provider: WebsocketProvider,
  doc: ReceivedUpdateDoc,
): void {
  const stock = provider.messageHandlers[messageSync]
  provider.messageHandlers[messageSync] = (encoder, decoder, _provider, emitSynced, type) => {
    const syncType = decoding.peekVarUint(decoder)
    if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) {
      return stock(encoder, decoder, provider, emitSynced, type)
    }
    // As the stock handler: the reply starts with the message type and, for these two, stays
    // that one byte, which y-websocket does not send.
    encoding.writeVarUint(encoder, messageSync)
    decoding.readVarUint(decoder)
    const update = decoding.readVarUint8Array(decoder)
    try {
      doc.applyReceived(update, provider)
    } catch (error) {
      // As y-protocols: a bad update (or a throwing observer) is logged, the socket lives on.
      console.error('Caught error while handling a Yjs update', error)
    }
    if (emitSynced && syncType === messageYjsSyncStep2 && !provider.synced) provider.synced = true
  }
}
