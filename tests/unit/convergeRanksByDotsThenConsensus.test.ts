import { describe, expect, it } from 'vitest'
import { rankByDots, rankForConverge } from '../../client/workshop/voting/ranking.ts'

const titles: Record<string, string> = { a: 'Alpha', b: 'Bravo', c: 'Charlie', d: 'Delta' }
const titleOf = (id: string) => titles[id] ?? id

describe('ranking by dots', () => {
  it('puts the most dots first and breaks ties by title, leaving out cards without dots', () => {
    expect(rankByDots({ a: 2, b: 5, c: 2, d: 0 }, titleOf)).toEqual([
      { cardId: 'b', dots: 5 },
      { cardId: 'a', dots: 2 },
      { cardId: 'c', dots: 2 },
    ])
  })
})

describe('converge ranking', () => {
  const candidates = ['a', 'b', 'c', 'd'].map((cardId) => ({ cardId, title: titleOf(cardId) }))

  it('ranks by dots, then consensus before no answers before "discuss", then mean answer', () => {
    const ranked = rankForConverge(
      candidates,
      { a: 3, b: 3, c: 3, d: 7 },
      {
        a: [1, 0, 0, 0, 0, 3], // someone blocks: discuss
        b: [0, 0, 0, 3, 0, 0], // consensus, mean 3
        c: [0, 0, 0, 0, 0, 3], // consensus, mean 5
      },
    )
    expect(ranked.map((r) => r.cardId)).toEqual(['d', 'c', 'b', 'a'])
    expect(ranked.map((r) => r.verdict)).toEqual(['none', 'consensus', 'consensus', 'discuss'])
    expect(ranked[0].dots).toBe(7)
  })

  it('works without any round: everything at zero, by title', () => {
    const ranked = rankForConverge(candidates.toReversed(), null, null)
    expect(ranked.map((r) => r.cardId)).toEqual(['a', 'b', 'c', 'd'])
    expect(ranked.every((r) => r.dots === 0 && r.verdict === 'none')).toBe(true)
  })
})
