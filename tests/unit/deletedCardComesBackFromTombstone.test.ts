import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteCard, getCardMap, readCard, setCardText } from '../../shared/boardDoc.ts'
import { addCardToTree } from '../../client/cards/cardWrites.ts'
import { CardTombstones } from '../../client/shapes/cardSnapshots.ts'

describe('CardTombstones', () => {
  it('restores a deleted card under its own id with its texts, fields and order', () => {
    const doc = new Y.Doc()
    const parent = addCardToTree(doc, { kind: 'objective', parentId: null, createdBy: 'ann' })
    const id = addCardToTree(doc, { kind: 'keyResult', parentId: parent, createdBy: 'ann' })
    setCardText(doc, id, 'title', 'NPS 20 → 45')
    setCardText(doc, id, 'notes', 'customers asked')
    const before = readCard(id, getCardMap(doc, id)!)

    const tombstones = new CardTombstones()
    tombstones.remember(doc, id)
    deleteCard(doc, id)
    expect(getCardMap(doc, id)).toBeUndefined()

    expect(tombstones.restore(doc, id)).toBe(true)
    const after = readCard(id, getCardMap(doc, id)!)
    expect(after).toMatchObject({
      title: 'NPS 20 → 45',
      notes: 'customers asked',
      kind: 'keyResult',
      parentId: parent,
      createdBy: 'ann',
      createdAt: before.createdAt,
      order: 0,
    })
    // A tombstone is used once; a card that exists again is not overwritten.
    expect(tombstones.restore(doc, id)).toBe(false)
  })
})
