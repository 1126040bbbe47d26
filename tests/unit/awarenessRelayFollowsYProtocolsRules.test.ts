import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AWARENESS_OUTDATED_MS, AwarenessRelay } from '../../server/rooms/AwarenessRelay.ts'

/** A stock y-protocols Awareness, as a browser holds it. */
function person(name: string) {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({ user: { name }, cursor: { x: 1, y: 2 } })
  const update = () => encodeAwarenessUpdate(awareness, [awareness.clientID])
  return { awareness, update, id: awareness.clientID }
}

/** What a stock client makes of what the relay sends. */
function receiver() {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState(null)
  return {
    awareness,
    receive: (update: Uint8Array | null) =>
      update && applyAwarenessUpdate(awareness, update, 'server'),
    names: () =>
      [...awareness.getStates().values()].map((s) => (s as { user: { name: string } }).user.name),
  }
}

describe('AwarenessRelay', () => {
  it('relays states unchanged to stock clients, batched', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const bo = person('Bo')
    expect(relay.apply(ada.update(), 0).added).toEqual([ada.id])
    relay.apply(bo.update(), 0)
    const watcher = receiver()
    watcher.receive(relay.takePending())
    expect(watcher.names().toSorted()).toEqual(['Ada', 'Bo'])
    expect(watcher.awareness.getStates().get(ada.id)).toEqual(ada.awareness.getLocalState())
    expect(relay.takePending()).toBeNull()
  })

  it('ignores an older clock and takes a newer one', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const first = ada.update()
    ada.awareness.setLocalStateField('user', { name: 'Ada L.' })
    relay.apply(ada.update(), 0)
    relay.apply(first, 0)
    const watcher = receiver()
    watcher.receive(relay.snapshot(0))
    expect(watcher.names()).toEqual(['Ada L.'])
  })

  it('removes the states of a leaving socket for everyone, and they are seen again when back', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const watcher = receiver()
    relay.apply(ada.update(), 0)
    watcher.receive(relay.takePending())
    // Her socket drops: the server announces her gone to everyone, and forgets her once sent.
    relay.remove([ada.id], 1)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual([])
    expect(relay.clientIds()).toEqual([])
    // Coming back (a reconnect) is a new arrival, not blocked by the removal's clock.
    expect(relay.apply(ada.update(), 2).added).toEqual([ada.id])
    // The others saw her removed at that clock and ignore her state re-sent unchanged
    // (y-protocols' rule), so the board page renews it on reconnecting: one clock on, which
    // everyone takes, as from any newcomer.
    watcher.receive(relay.takePending())
    ada.awareness.setLocalState(ada.awareness.getLocalState())
    relay.apply(ada.update(), 3)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual(['Ada'])
  })

  it('a client removing itself is passed on; removing an unknown client is not', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    relay.apply(ada.update(), 0)
    relay.takePending()
    ada.awareness.setLocalState(null)
    expect(relay.apply(ada.update(), 1).removed).toEqual([ada.id])
    expect(relay.takePending()).not.toBeNull()
    const ghost = person('Ghost')
    ghost.awareness.setLocalState(null)
    expect(relay.apply(ghost.update(), 1)).toEqual({ added: [], removed: [] })
    expect(relay.takePending()).toBeNull()
  })

  it('refuses a malformed update whole: bad JSON in the second entry changes nothing', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    // Two entries: Ada's, then one whose state is not JSON.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    encoding.writeUint8Array(encoder, ada.update().subarray(1))
    encoding.writeVarUint(encoder, 77)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '{"cursor":')
    const frame = encoding.toUint8Array(encoder)
    expect(() => relay.apply(frame, 0)).toThrow()
    expect(relay.clientIds()).toEqual([])
    expect(relay.takePending()).toBeNull()
  })

  it('leaves states silent past the stock timeout out of what a newcomer gets', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const bo = person('Bo')
    relay.apply(ada.update(), 0)
    relay.apply(bo.update(), AWARENESS_OUTDATED_MS)
    relay.takePending()
    const newcomer = receiver()
    newcomer.receive(relay.snapshot(AWARENESS_OUTDATED_MS + 1))
    expect(newcomer.names()).toEqual(['Bo'])
    expect(relay.clientIds()).toEqual([bo.id])
  })
})
