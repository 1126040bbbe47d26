import { describe, expect, it } from 'vitest'
import { editorsOfCard } from '../../client/cards/useCardEditors.ts'

describe('editorsOfCard', () => {
  it('lists the other people whose awareness edits this card', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Me', color: '#000' }, editingCardId: 'c1' }],
      [3, { user: { name: 'Bob', color: '#f00' }, editingCardId: 'c1' }],
      [2, { user: { name: 'Ann', color: '#0f0' }, editingCardId: 'c1' }],
      [4, { user: { name: 'Cy', color: '#00f' }, editingCardId: 'c2' }],
      [5, { editingCardId: 'c1' }],
    ])
    // Our own client (1) is left out; unnamed states still show, as "Someone".
    expect(editorsOfCard(states, 1, 'c1')).toEqual([
      { clientId: 2, name: 'Ann', color: '#0f0' },
      { clientId: 3, name: 'Bob', color: '#f00' },
      { clientId: 5, name: 'Someone', color: '#888888' },
    ])
  })
})
