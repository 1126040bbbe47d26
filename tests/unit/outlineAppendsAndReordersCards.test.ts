import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getCardMap, readCard } from '../../shared/boardDoc.ts'
import { moveAmongSiblings, type OrderedCard } from '../../client/cards/cardOrder.ts'
import { addCardToTree, applyOrderPatches } from '../../client/cards/cardWrites.ts'
import { buildCardTree, siblingsOf } from '../../client/cards/cardTree.ts'

const allCards = (doc: Y.Doc): OrderedCard[] =>
  [...doc.getMap<Y.Map<unknown>>('cards').entries()].map(([id, map]) => readCard(id, map))

describe('addCardToTree', () => {
  it('appends each card after its siblings of the same group', () => {
    const doc = new Y.Doc()
    const objective = addCardToTree(doc, { kind: 'objective', parentId: null, createdBy: 'a' })
    const kr1 = addCardToTree(doc, { kind: 'keyResult', parentId: objective, createdBy: 'a' })
    const kr2 = addCardToTree(doc, { kind: 'keyResult', parentId: objective, createdBy: 'b' })
    // A child objective starts its own group under the same parent, at 0.
    const child = addCardToTree(doc, { kind: 'objective', parentId: objective, createdBy: 'a' })
    const order = (id: string) => getCardMap(doc, id)?.get('order')
    expect([order(objective), order(kr1), order(kr2), order(child)]).toEqual([0, 0, 1, 0])
    expect(getCardMap(doc, kr2)?.get('createdBy')).toBe('b')
  })
})

describe('moving a card in the outline', () => {
  it('writes the new order so every reader sorts the same way', () => {
    const doc = new Y.Doc()
    const objective = addCardToTree(doc, { kind: 'objective', parentId: null, createdBy: 'a' })
    const ids = [1, 2, 3].map(() =>
      addCardToTree(doc, { kind: 'keyResult', parentId: objective, createdBy: 'a' }),
    )
    const tree = buildCardTree(allCards(doc))
    applyOrderPatches(doc, moveAmongSiblings(siblingsOf(tree, ids[2]), ids[2], -1))
    // A second document that only receives the update sees the same order.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const reordered = buildCardTree(allCards(other)).roots[0].children.map((node) => node.card.id)
    expect(reordered).toEqual([ids[0], ids[2], ids[1]])
  })
})
