import { describe, expect, it } from 'vitest'
import {
  canBeParentKind,
  checkAlignment,
  wouldCreateCycle,
} from '../../client/cards/alignmentRules.ts'

describe('canBeParentKind', () => {
  it('follows allowedParentKinds', () => {
    expect(canBeParentKind('keyResult', 'objective')).toBe(true)
    expect(canBeParentKind('objective', 'objective')).toBe(true)
    expect(canBeParentKind('initiative', 'keyResult')).toBe(true)
    expect(canBeParentKind('action', 'keyResult')).toBe(true)
    expect(canBeParentKind('initiative', 'objective')).toBe(false)
    expect(canBeParentKind('objective', 'keyResult')).toBe(false)
    expect(canBeParentKind('keyResult', 'keyResult')).toBe(false)
  })
})

describe('checkAlignment', () => {
  const parents: Record<string, string | null> = { team: 'company', company: null }
  const parentOf = (id: string) => parents[id]

  it('accepts a key result under an objective', () => {
    expect(
      checkAlignment({ id: 'kr', kind: 'keyResult' }, { id: 'team', kind: 'objective' }, parentOf),
    ).toEqual({ ok: true })
  })

  it('refuses an alignment that would make an objective its own ancestor', () => {
    // company → team would close the loop team → company → team.
    expect(
      checkAlignment(
        { id: 'company', kind: 'objective' },
        { id: 'team', kind: 'objective' },
        parentOf,
      ),
    ).toEqual({ ok: false, reason: 'cycle' })
    expect(wouldCreateCycle(parentOf, 'company', 'team')).toBe(true)
  })

  it('refuses a card as its own parent and a wrong kind', () => {
    expect(
      checkAlignment({ id: 'a', kind: 'objective' }, { id: 'a', kind: 'objective' }, parentOf),
    ).toEqual({ ok: false, reason: 'same-card' })
    expect(
      checkAlignment({ id: 'i', kind: 'initiative' }, { id: 'o', kind: 'objective' }, parentOf),
    ).toEqual({ ok: false, reason: 'kind-not-allowed' })
  })

  it('terminates on a loop that already exists', () => {
    const loop: Record<string, string> = { a: 'b', b: 'a' }
    expect(wouldCreateCycle((id) => loop[id], 'c', 'a')).toBe(false)
  })
})
