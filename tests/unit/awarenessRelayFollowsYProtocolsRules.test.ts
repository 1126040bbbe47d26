import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  AWARENESS_OUTDATED_MS,
  AwarenessRelay,
  type AwarenessSender,
} from '../../server/rooms/AwarenessRelay.ts'
import { forgedAwarenessUpdate } from '../support/forgedAwareness.ts'

/** A stock y-protocols Awareness, as a browser holds it, and the socket it sends on. */
function person(name: string) {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({ user: { name }, cursor: { x: 1, y: 2 } })
  const update = () => encodeAwarenessUpdate(awareness, [awareness.clientID])
  const socket: AwarenessSender = { participantId: name }
  return { awareness, update, id: awareness.clientID, socket }
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
    relay.apply(ada.update(), 0, ada.socket)
    relay.apply(bo.update(), 0, bo.socket)
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
    relay.apply(ada.update(), 0, ada.socket)
    relay.apply(first, 0, ada.socket)
    const watcher = receiver()
    watcher.receive(relay.snapshot(0))
    expect(watcher.names()).toEqual(['Ada L.'])
  })

  it('removes the states of a leaving socket for everyone, and they are seen again when back', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const watcher = receiver()
    relay.apply(ada.update(), 0, ada.socket)
    watcher.receive(relay.takePending())
    // Her socket drops: the server announces her gone to everyone, and forgets her once sent.
    relay.removeSentBy(ada.socket, 1)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual([])
    expect(relay.clientIds()).toEqual([])
    // Coming back (a reconnect) is a new arrival, not blocked by the removal's clock.
    relay.apply(ada.update(), 2, ada.socket)
    expect(relay.clientIds()).toEqual([ada.id])
    // The others saw her removed at that clock and ignore her state re-sent unchanged
    // (y-protocols' rule), so the board page renews it on reconnecting: one clock on, which
    // everyone takes, as from any newcomer.
    watcher.receive(relay.takePending())
    ada.awareness.setLocalState(ada.awareness.getLocalState())
    relay.apply(ada.update(), 3, ada.socket)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual(['Ada'])
  })

  it('a client removing itself is passed on; removing an unknown client is not', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const watcher = receiver()
    relay.apply(ada.update(), 0, ada.socket)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual(['Ada'])
    ada.awareness.setLocalState(null)
    relay.apply(ada.update(), 1, ada.socket)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual([])
    const ghost = person('Ghost')
    ghost.awareness.setLocalState(null)
    relay.apply(ghost.update(), 1, ghost.socket)
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
    expect(() => relay.apply(frame, 0, ada.socket)).toThrow()
    expect(relay.clientIds()).toEqual([])
    expect(relay.takePending()).toBeNull()
  })

  it('leaves states silent past the stock timeout out of what a newcomer gets', () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const bo = person('Bo')
    relay.apply(ada.update(), 0, ada.socket)
    relay.apply(bo.update(), AWARENESS_OUTDATED_MS, bo.socket)
    relay.takePending()
    const newcomer = receiver()
    newcomer.receive(relay.snapshot(AWARENESS_OUTDATED_MS + 1))
    expect(newcomer.names()).toEqual(['Bo'])
    expect(relay.clientIds()).toEqual([bo.id])
  })

  it("leaves someone's state alone when another person sends it, even at a higher clock", () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const bo = person('Bo')
    const watcher = receiver()
    relay.apply(ada.update(), 0, ada.socket)
    watcher.receive(relay.takePending())
    // Bo renames Ada, then removes her at a clock her own client would never reach, his own
    // state riding along; neither touches Ada.
    const renamed = JSON.stringify({ user: { name: 'Mallory' } })
    relay.apply(forgedAwarenessUpdate([[ada.id, 50, renamed]]), 1, bo.socket)
    const own = JSON.stringify({ user: { name: 'Bo' } })
    relay.apply(
      forgedAwarenessUpdate([
        [ada.id, 2 ** 30, 'null'],
        [bo.id, 1, own],
      ]),
      1,
      bo.socket,
    )
    watcher.receive(relay.takePending())
    expect(watcher.names().toSorted()).toEqual(['Ada', 'Bo'])
    // Ada's next change still goes through.
    ada.awareness.setLocalStateField('user', { name: 'Ada L.' })
    relay.apply(ada.update(), 2, ada.socket)
    watcher.receive(relay.takePending())
    expect(watcher.names().toSorted()).toEqual(['Ada L.', 'Bo'])
  })

  it("skips another person's entries unread, but a truncated one still refuses the update", () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const bo = person('Bo')
    relay.apply(ada.update(), 0, ada.socket)
    relay.takePending()
    // Not JSON, yet harmless: it is Ada's, so it is neither read nor passed on.
    relay.apply(forgedAwarenessUpdate([[ada.id, 9, '{"cursor":']]), 1, bo.socket)
    expect(relay.takePending()).toBeNull()
    const cut = forgedAwarenessUpdate([[ada.id, 9, JSON.stringify({ user: { name: 'Mallory' } })]])
    expect(() => relay.apply(cut.subarray(0, cut.length - 3), 1, bo.socket)).toThrow()
  })

  it("the same person's new socket takes over their state, and the old one's close keeps it", () => {
    const relay = new AwarenessRelay()
    const ada = person('Ada')
    const watcher = receiver()
    relay.apply(ada.update(), 0, ada.socket)
    watcher.receive(relay.takePending())
    // Her network dropped; her client reconnects before the server sees the old socket close.
    const newSocket: AwarenessSender = { participantId: 'Ada' }
    ada.awareness.setLocalStateField('cursor', { x: 5, y: 6 })
    relay.apply(ada.update(), 1, newSocket)
    relay.removeSentBy(ada.socket, 2)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual(['Ada'])
    // When the socket she is on now closes, she goes.
    relay.removeSentBy(newSocket, 3)
    watcher.receive(relay.takePending())
    expect(watcher.names()).toEqual([])
  })
})
