import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ReceivedUpdateDoc } from '../../client/board/ReceivedUpdateDoc.ts'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'

/** A board of `count` cards as another client holds it, and its whole state as an update. */
function boardOf(count: number): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc()
  for (let i = 0; i < count; i++) createCard(doc, { kind: 'objective', title: `Objective ${i}` })
  return { doc, update: Y.encodeStateAsUpdate(doc) }
}

/** What an `update` listener (y-indexeddb's, say) heard: each update, with its origin. */
function listen(doc: Y.Doc) {
  const heard: { update: Uint8Array; origin: unknown }[] = []
  const listener = (update: Uint8Array, origin: unknown) => heard.push({ update, origin })
  doc.on('update', listener)
  return { heard, listener }
}

/** A fresh document holding what the listener heard: the local copy a reload would read. */
function copyFrom(heard: { update: Uint8Array }[]): Y.Doc {
  const copy = new Y.Doc()
  for (const { update } of heard) Y.applyUpdate(copy, update)
  return copy
}

describe('a received update applied as it came', () => {
  it('brings the whole board, and the listeners get the very bytes received, not a re-encoding', () => {
    const { update } = boardOf(50)
    const doc = new ReceivedUpdateDoc()
    const { heard } = listen(doc)

    doc.applyReceived(update, 'server')

    expect(getCards(doc).size).toBe(50)
    expect(heard).toHaveLength(1)
    // The same object: Yjs encoding the change again would have produced a new array.
    expect(heard[0].update).toBe(update)
    expect(heard[0].origin).toBe('server')
    expect(getCards(copyFrom(heard)).size).toBe(50)
  })

  it('an update the document already holds reaches no listener, as with Yjs', () => {
    const { update } = boardOf(3)
    const doc = new ReceivedUpdateDoc()
    doc.applyReceived(update, 'server')
    const { heard } = listen(doc)

    doc.applyReceived(update, 'server')

    expect(heard).toHaveLength(0)
  })

  it('a deletion alone is passed on', () => {
    const { doc: theirs, update } = boardOf(2)
    const doc = new ReceivedUpdateDoc()
    doc.applyReceived(update, 'server')
    const { heard } = listen(doc)
    const before = Y.encodeStateVector(theirs)
    const [first] = [...getCards(theirs).keys()]
    getCards(theirs).delete(first)

    doc.applyReceived(Y.encodeStateAsUpdate(theirs, before), 'server')

    expect(getCards(doc).has(first)).toBe(false)
    expect(heard).toHaveLength(1)
    const copy = copyFrom([{ update }, ...heard])
    expect(getCards(copy).has(first)).toBe(false)
  })

  it('changes that arrive before the board they build on reach the local copy with it', () => {
    // What the server sends someone joining with nothing while the board is in use: the
    // changes since its last whole state first, then that state.
    const { doc: theirs, update: whole } = boardOf(10)
    const before = Y.encodeStateVector(theirs)
    const [first, second] = [...getCards(theirs).keys()]
    setCardText(theirs, first, 'title', 'Renamed after the whole state was made')
    getCards(theirs).delete(second)
    const changes = Y.encodeStateAsUpdate(theirs, before)
    const doc = new ReceivedUpdateDoc()
    const { heard } = listen(doc)

    doc.applyReceived(changes, 'server')
    doc.applyReceived(whole, 'server')

    expect(getCards(doc).size).toBe(9)
    const copy = copyFrom(heard)
    expect(getCards(copy).size).toBe(9)
    expect(getCards(copy).has(second)).toBe(false)
    expect(readCard(first, getCards(copy).get(first)!).title).toBe(
      'Renamed after the whole state was made',
    )
  })

  it('local edits afterwards are still encoded and heard, as usual', () => {
    const { update } = boardOf(1)
    const doc = new ReceivedUpdateDoc()
    doc.applyReceived(update, 'server')
    const { heard } = listen(doc)
    const [id] = [...getCards(doc).keys()]

    setCardText(doc, id, 'title', 'Grow revenue')

    expect(heard).toHaveLength(1)
    expect(heard[0].origin).toBeNull()
    const copy = copyFrom([{ update }, ...heard])
    expect(readCard(id, getCards(copy).get(id)!).title).toBe('Grow revenue')
  })

  it('a malformed update throws, changes nothing, and leaves the listeners attached', () => {
    const { update } = boardOf(5)
    const doc = new ReceivedUpdateDoc()
    const { heard } = listen(doc)

    expect(() => doc.applyReceived(update.subarray(0, update.length / 2), 'server')).toThrow()
    expect(getCards(doc).size).toBe(0)
    expect(heard).toHaveLength(0)

    createCard(doc, { kind: 'objective', title: 'Still heard' })
    expect(heard).toHaveLength(1)
  })

  it('a listener added while an update is applied is attached afterwards, one removed stays off', () => {
    const doc = new ReceivedUpdateDoc()
    const { heard, listener } = listen(doc)
    const late: Uint8Array[] = []
    // An observer subscribing mid-apply, as code reacting to the first sync might.
    const subscribe = () => {
      doc.on('update', (update) => late.push(update))
      getCards(doc).unobserve(subscribe)
    }
    getCards(doc).observe(subscribe)

    doc.applyReceived(boardOf(2).update, 'server')
    expect(heard).toHaveLength(1)
    expect(late).toHaveLength(1)

    doc.off('update', listener)
    createCard(doc, { kind: 'objective', title: 'After' })
    expect(heard).toHaveLength(1)
    expect(late).toHaveLength(2)
  })

  it('while listeners are held, a restore is neither encoded for them nor heard, and edits after the release are', () => {
    const { update } = boardOf(20)
    const doc = new ReceivedUpdateDoc()
    const { heard } = listen(doc)
    const release = doc.holdUpdateListeners()

    // What y-indexeddb does when it restores the board: its own transaction, not ours.
    Y.applyUpdate(doc, update, 'local copy')
    expect(getCards(doc).size).toBe(20)
    expect(heard).toHaveLength(0)

    release()
    release() // a second call changes nothing
    const later = listen(doc)
    const [id] = [...getCards(doc).keys()]
    setCardText(doc, id, 'title', 'After the release')
    expect(heard).toHaveLength(1)
    expect(later.heard).toHaveLength(1)
    expect(readCard(id, getCards(copyFrom([{ update }, ...heard])).get(id)!).title).toBe(
      'After the release',
    )
  })

  it('an update received while listeners are held keeps them off until the hold ends', () => {
    const doc = new ReceivedUpdateDoc()
    const { heard } = listen(doc)
    const release = doc.holdUpdateListeners()

    doc.applyReceived(boardOf(3).update, 'server')
    // Heard as received (explicitly handed on), but the document still has no listener.
    expect(heard).toHaveLength(1)
    createCard(doc, { kind: 'objective', title: 'Written while held' })
    expect(heard).toHaveLength(1)

    release()
    createCard(doc, { kind: 'objective', title: 'Written after' })
    expect(heard).toHaveLength(2)
  })
})
