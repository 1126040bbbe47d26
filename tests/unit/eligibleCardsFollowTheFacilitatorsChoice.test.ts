import { describe, expect, it } from 'vitest'
import { cardIdsForChoice } from '../../client/workshop/voting/eligibleCards.ts'

const cards = [
  { id: 'o1', kind: 'objective' as const, status: 'draft' },
  { id: 'o2', kind: 'objective' as const, status: 'dropped' },
  { id: 'k1', kind: 'keyResult' as const, status: 'draft' },
]

describe('eligible cards of a new round', () => {
  it('sends no list for "all cards" (the server then accepts any card)', () => {
    expect(cardIdsForChoice('all', cards, [])).toEqual({ cardIds: null })
  })

  it('lists the objectives or key results that are not dropped', () => {
    expect(cardIdsForChoice('objectives', cards, [])).toEqual({ cardIds: ['o1'] })
    expect(cardIdsForChoice('keyResults', cards, [])).toEqual({ cardIds: ['k1'] })
  })

  it('uses the selected cards that exist', () => {
    expect(cardIdsForChoice('selected', cards, ['k1', 'gone'])).toEqual({ cardIds: ['k1'] })
  })

  it('explains an empty choice instead of sending it (the server needs one card)', () => {
    expect(cardIdsForChoice('selected', cards, [])).toHaveProperty('error')
    expect(cardIdsForChoice('keyResults', cards.slice(0, 2), [])).toHaveProperty('error')
  })
})
