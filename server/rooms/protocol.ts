import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The y-websocket wire protocol: a varuint message type (0 sync, 1 awareness), then for
 * sync a varuint sub-type (0 step 1 with a state vector, 1 step 2 and 2 update with an
 * update), each payload a varuint-length byte array.
 */
export const MessageType = { Sync: 0, Awareness: 1 } as const
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'other' }

/** Decode one frame; throws on a truncated or malformed frame. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === MessageType.Sync) {
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (syncType === SyncType.Step1) return { type: 'syncStep1', stateVector: payload }
    if (syncType === SyncType.Step2) return { type: 'syncStep2', update: payload }
    if (syncType === SyncType.Update) return { type: 'update', update: payload }
    throw new Error(`unknown sync message type ${syncType}`)
  }
  if (type === MessageType.Awareness) {
    return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
  }
  return { type: 'other' }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncType.Step1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncType.Step2, update)
export const encodeUpdate = (update: Uint8Array) => encodeSync(SyncType.Update, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
