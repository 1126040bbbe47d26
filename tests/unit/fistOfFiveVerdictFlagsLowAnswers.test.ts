import { describe, expect, it } from 'vitest'
import { fistMean, fistVerdict } from '../../client/workshop/voting/consensus.ts'

describe('fist-of-five verdict', () => {
  it('is consensus when every answer is 3 or more', () => {
    expect(fistVerdict([0, 0, 0, 2, 1, 4])).toBe('consensus')
  })

  it('flags discussion when any answer is 2 or less, however many agree', () => {
    // One 2 among eight 5s still needs a conversation.
    expect(fistVerdict([0, 0, 1, 0, 0, 8])).toBe('discuss')
    expect(fistVerdict([1, 0, 0, 0, 0, 0])).toBe('discuss')
  })

  it('says nothing without answers', () => {
    expect(fistVerdict(undefined)).toBe('none')
    expect(fistVerdict([0, 0, 0, 0, 0, 0])).toBe('none')
    expect(fistMean([0, 0, 0, 0, 0, 0])).toBeNull()
  })

  it('averages the answers', () => {
    // Two 3s and two 5s: mean 4.
    expect(fistMean([0, 0, 0, 2, 0, 2])).toBe(4)
  })
})
