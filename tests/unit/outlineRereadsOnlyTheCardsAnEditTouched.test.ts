import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { allCardsStore } from '../../client/cards/allCardsStore.ts'
import type { OrderedCard } from '../../client/cards/cardOrder.ts'
import { buildCardTree, moveLimits, type CardNode } from '../../client/cards/cardTree.ts'
import {
  createCard,
  deleteCard,
  getCardMap,
  getCards,
  readCard,
  setCardText,
  updateCard,
} from '../../shared/boardDoc.ts'

/**
 * The outline, and every other list of cards, reads the cards through one store per
 * document that re-reads only what an edit touched. What it shows must always be what a
 * full read of the document gives; a card nobody touched keeps its object, which is what
 * lets a row skip rendering (on a busy board the whole outline used to render again on
 * every keystroke anyone made).
 */
const fullRead = (doc: Y.Doc) => [...getCards(doc)].map(([id, map]) => readCard(id, map))

/** A remote peer: the store's document only ever receives the other's updates. */
function peers() {
  const local = new Y.Doc()
  const remote = new Y.Doc()
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'server'))
  return { local, remote }
}

describe('allCardsStore', () => {
  it('after every kind of edit shows what a full read shows, and keeps untouched cards', () => {
    const { local, remote } = peers()
    const o1 = createCard(remote, { kind: 'objective', title: 'Grow' })
    const kr1 = createCard(remote, { kind: 'keyResult', title: 'Teams', parentId: o1 })
    const kr2 = createCard(remote, { kind: 'keyResult', title: 'Revenue', parentId: o1 })
    const store = allCardsStore(local)
    let notified = 0
    const unsubscribe = store.subscribe(() => notified++)

    const edits: [string, () => void, string[]][] = [
      ['typing in a title', () => setCardText(remote, kr1, 'title', 'Teams weekly'), [kr1]],
      ['a field', () => updateCard(remote, kr2, { status: 'agreed' }), [kr2]],
      ['a new card', () => void createCard(remote, { kind: 'initiative', id: 'i1' }), ['i1']],
      [
        'two cards in one transaction',
        () =>
          remote.transact(() => {
            getCardMap(remote, o1)!.set('owner', 'Ana')
            getCardMap(remote, 'i1')!.set('parentId', kr1)
          }),
        [o1, 'i1'],
      ],
      [
        'a card replaced by an import',
        () => void createCard(remote, { kind: 'objective', id: o1 }),
        [o1],
      ],
      ['a deleted card (its child loses the parent)', () => deleteCard(remote, kr1), [kr1, 'i1']],
    ]
    for (const [what, edit, touched] of edits) {
      const before = new Map(store.getSnapshot().map((card) => [card.id, card]))
      const notifiedBefore = notified
      edit()
      const after = store.getSnapshot()
      expect(after, what).toEqual(fullRead(local))
      expect(notified, what).toBe(notifiedBefore + 1)
      for (const card of after) {
        if (!touched.includes(card.id))
          expect(card, `${what}: ${card.id}`).toBe(before.get(card.id))
      }
    }
    unsubscribe()
  })

  it('tells nobody when an edit leaves every card as it was', () => {
    const { local, remote } = peers()
    const id = createCard(remote, { kind: 'objective', title: 'Grow' })
    const store = allCardsStore(local)
    let notified = 0
    const unsubscribe = store.subscribe(() => notified++)
    const snapshot = store.getSnapshot()
    // Written again with the value it has: a new Yjs item, the same card.
    getCardMap(remote, id)!.set('owner', getCardMap(remote, id)!.get('owner'))
    expect(notified).toBe(0)
    expect(store.getSnapshot()).toBe(snapshot)
    unsubscribe()
  })

  it('is current again for a new subscriber after edits made while nobody listened', () => {
    const { local, remote } = peers()
    const id = createCard(remote, { kind: 'objective', title: 'Grow' })
    const store = allCardsStore(local)
    store.subscribe(() => undefined)()
    setCardText(remote, id, 'title', 'Grow faster')
    createCard(remote, { kind: 'keyResult', id: 'kr' })
    expect(store.getSnapshot()).toEqual(fullRead(local))
    const unsubscribe = store.subscribe(() => undefined)
    expect(store.getSnapshot().map((card) => card.title)).toEqual(['Grow faster', ''])
    unsubscribe()
  })
})

describe('buildCardTree given the tree before', () => {
  const nodesOf = (nodes: readonly CardNode[]): CardNode[] =>
    nodes.flatMap((node) => [node, ...nodesOf(node.children)])

  it('keeps every node but the edited card and its ancestors', () => {
    const { local, remote } = peers()
    const o1 = createCard(remote, { kind: 'objective', title: 'Grow' })
    const o2 = createCard(remote, { kind: 'objective', title: 'Keep' })
    const kr1 = createCard(remote, { kind: 'keyResult', parentId: o1 })
    const kr2 = createCard(remote, { kind: 'keyResult', parentId: o1 })
    const i1 = createCard(remote, { kind: 'initiative', parentId: kr1 })
    const store = allCardsStore(local)
    const unsubscribe = store.subscribe(() => undefined)
    const before = buildCardTree(store.getSnapshot())

    setCardText(remote, i1, 'title', 'Pilot with two teams')
    const after = buildCardTree(store.getSnapshot(), before)

    expect(after).toEqual(buildCardTree(cardsOf(local)))
    const changed = nodesOf(after.roots)
      .filter((node) => node !== before.byId.get(node.card.id))
      .map((node) => node.card.id)
    expect(changed.toSorted()).toEqual([i1, kr1, o1].toSorted())
    expect(after.byId.get(o2)).toBe(before.byId.get(o2))
    expect(after.byId.get(kr2)).toBe(before.byId.get(kr2))
    expect(after.parentOf.get(kr2)).toBe(after.byId.get(o1))
    unsubscribe()
  })

  it('keeps the top-level lists when nothing in them changed', () => {
    const { local, remote } = peers()
    createCard(remote, { kind: 'objective', title: 'Grow' })
    const loose = createCard(remote, { kind: 'action', title: 'Call Ana' })
    const store = allCardsStore(local)
    const unsubscribe = store.subscribe(() => undefined)
    const before = buildCardTree(store.getSnapshot())
    setCardText(remote, loose, 'title', 'Call Ana on Monday')
    const after = buildCardTree(store.getSnapshot(), before)
    expect(after.roots).toBe(before.roots)
    expect(after.unaligned).not.toBe(before.unaligned)
    unsubscribe()
  })
})

describe('moveLimits', () => {
  it('lets a card move only within its sibling group, not past its ends', () => {
    const { remote } = peers()
    const o = createCard(remote, { kind: 'objective' })
    createCard(remote, { kind: 'keyResult', id: 'kr-a', parentId: o })
    createCard(remote, { kind: 'keyResult', id: 'kr-b', parentId: o })
    getCardMap(remote, 'kr-a')!.set('order', 0)
    getCardMap(remote, 'kr-b')!.set('order', 1)
    createCard(remote, { kind: 'objective', id: 'o-child', parentId: o })
    const tree = buildCardTree(cardsOf(remote))
    const limits = moveLimits(tree.byId.get(o)!.children)
    expect(Object.fromEntries(limits)).toEqual({
      'kr-a': { up: false, down: true },
      'kr-b': { up: true, down: false },
      'o-child': { up: false, down: false },
    })
  })
})

function cardsOf(doc: Y.Doc): OrderedCard[] {
  return fullRead(doc) as OrderedCard[]
}
