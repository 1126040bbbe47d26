import { describe, expect, it } from 'vitest'
import { isCardHiddenFrom } from '../../client/workshop/facilitation/privateWritingRules.ts'

const on = { on: true, since: '2026-03-01T10:00:00.000Z' }
const card = (createdBy: string, createdAt: string) => ({ createdBy, createdAt })

describe('private writing', () => {
  it('hides cards other people created since it started', () => {
    expect(isCardHiddenFrom(card('Bob', '2026-03-01T10:00:05.000Z'), on, 'Ann')).toBe(true)
  })

  it('shows my own cards, and cards made before it started', () => {
    expect(isCardHiddenFrom(card('Ann', '2026-03-01T10:00:05.000Z'), on, 'Ann')).toBe(false)
    expect(isCardHiddenFrom(card('Bob', '2026-03-01T09:59:00.000Z'), on, 'Ann')).toBe(false)
  })

  it('shows everything when it is off (revealed) or malformed', () => {
    const later = card('Bob', '2026-03-01T10:00:05.000Z')
    expect(isCardHiddenFrom(later, null, 'Ann')).toBe(false)
    expect(isCardHiddenFrom(later, { on: false, since: on.since }, 'Ann')).toBe(false)
    expect(isCardHiddenFrom(later, { on: true }, 'Ann')).toBe(false)
    expect(isCardHiddenFrom(card('Bob', 'not a date'), on, 'Ann')).toBe(false)
  })
})
