import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { qualityHints } from '../../shared/qualityHints.ts'
import { createCard, getCardMap, readCard, updateCard } from '../../shared/boardDoc.ts'
import { countKeyResults } from '../../client/outcomes/useKeyResultCount.ts'

it('counts live key results under one objective, as the export does for the "> 5" hint', () => {
  const doc = new Y.Doc()
  createCard(doc, { id: 'obj', kind: 'objective', title: 'Delight customers', owner: 'Dana' })
  createCard(doc, { id: 'other', kind: 'objective', title: 'Other', owner: 'Dana' })
  for (let i = 0; i < 6; i++) {
    createCard(doc, { id: `kr${i}`, kind: 'keyResult', parentId: 'obj', owner: 'Bo' })
  }
  createCard(doc, { id: 'dropped', kind: 'keyResult', parentId: 'obj', status: 'dropped' })
  createCard(doc, { id: 'elsewhere', kind: 'keyResult', parentId: 'other' })
  createCard(doc, { id: 'init', kind: 'initiative', parentId: 'obj' })

  // Six live key results: the dropped one, the other objective's and the initiative do not count.
  expect(countKeyResults(doc, 'obj')).toBe(6)
  const objective = readCard('obj', getCardMap(doc, 'obj')!)
  expect(qualityHints(objective, { keyResultCount: countKeyResults(doc, 'obj') })).toEqual([
    'More than five key results: focus on the few that matter',
  ])
})

it('follows changes: a key result dropped or added is counted at once', () => {
  const doc = new Y.Doc()
  createCard(doc, { id: 'obj', kind: 'objective', title: 'Delight customers' })
  createCard(doc, { id: 'kr1', kind: 'keyResult', parentId: 'obj' })
  createCard(doc, { id: 'kr2', kind: 'keyResult', parentId: 'obj' })
  expect(countKeyResults(doc, 'obj')).toBe(2)
  updateCard(doc, 'kr1', { status: 'dropped' })
  expect(countKeyResults(doc, 'obj')).toBe(1)
  createCard(doc, { id: 'kr3', kind: 'keyResult', parentId: 'obj' })
  expect(countKeyResults(doc, 'obj')).toBe(2)
})
