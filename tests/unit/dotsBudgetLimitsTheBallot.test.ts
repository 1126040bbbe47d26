import { describe, expect, it } from 'vitest'
import {
  canAddDot,
  dotsRemaining,
  dotsUsed,
  isEligible,
  withAnswer,
  withDot,
} from '../../client/workshop/voting/ballotMath.ts'

const round = { votesPerPerson: 5, maxPerCard: 2 }

describe('dots budget', () => {
  it('counts used and remaining dots', () => {
    expect(dotsUsed({ a: 2, b: 1 })).toBe(3)
    expect(dotsRemaining(round, { a: 2, b: 1 })).toBe(2)
    expect(dotsRemaining(round, {})).toBe(5)
    // Never negative, even if a ballot from an older budget is over it.
    expect(dotsRemaining(round, { a: 9 })).toBe(0)
  })

  it('adds a dot within the budget and the per-card cap only', () => {
    expect(withDot(round, { a: 1 }, 'a', 1)).toEqual({ a: 2 })
    // Cap per card is 2.
    expect(withDot(round, { a: 2 }, 'a', 1)).toBeNull()
    expect(canAddDot(round, { a: 2 }, 'a')).toBe(false)
    // Budget of 5 spent: no card takes another dot.
    expect(withDot(round, { a: 2, b: 2, c: 1 }, 'd', 1)).toBeNull()
  })

  it('removes a dot and drops cards that reach zero', () => {
    expect(withDot(round, { a: 2, b: 1 }, 'b', -1)).toEqual({ a: 2 })
    expect(withDot(round, { a: 2 }, 'z', -1)).toBeNull()
  })

  it('does not change the ballot it was given (rollback keeps the old one)', () => {
    const before = { a: 1 }
    withDot(round, before, 'a', 1)
    expect(before).toEqual({ a: 1 })
  })

  it('knows which cards a round covers', () => {
    expect(isEligible({ cardIds: null }, 'any')).toBe(true)
    expect(isEligible({ cardIds: ['a'] }, 'a')).toBe(true)
    expect(isEligible({ cardIds: ['a'] }, 'b')).toBe(false)
  })

  it('sets a fist answer, clamps it, and takes it back when picked again', () => {
    expect(withAnswer({}, 'a', 4)).toEqual({ a: 4 })
    expect(withAnswer({ a: 4 }, 'a', 4)).toEqual({})
    expect(withAnswer({ a: 4 }, 'a', 9)).toEqual({ a: 5 })
  })
})
