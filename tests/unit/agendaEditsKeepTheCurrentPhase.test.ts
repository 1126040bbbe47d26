import { describe, expect, it } from 'vitest'
import {
  addPhaseAfter,
  clampPhase,
  movePhase,
  phaseAfterRemoval,
  removePhase,
  renamePhase,
} from '../../client/workshop/facilitation/agendaEdits.ts'

const agenda = ['One', 'Two', 'Three'].map((title) => ({ id: title, title, instructions: '' }))

describe('agenda edits', () => {
  it('renames one phase without touching the others or the original', () => {
    const next = renamePhase(agenda, 1, { title: 'Deux', instructions: 'Parlez' })
    expect(next.map((p) => p.title)).toEqual(['One', 'Deux', 'Three'])
    expect(next[1].instructions).toBe('Parlez')
    expect(agenda[1].title).toBe('Two')
  })

  it('adds a phase after the given one with a fresh id', () => {
    const next = addPhaseAfter(agenda, 0)
    expect(next.map((p) => p.title)).toEqual(['One', 'New phase', 'Two', 'Three'])
    expect(new Set(next.map((p) => p.id)).size).toBe(4)
  })

  it('removes a phase but never the last one', () => {
    expect(removePhase(agenda, 0).map((p) => p.title)).toEqual(['Two', 'Three'])
    expect(removePhase(agenda.slice(0, 1), 0)).toHaveLength(1)
  })

  it('moves phases within bounds', () => {
    expect(movePhase(agenda, 2, -1).map((p) => p.title)).toEqual(['One', 'Three', 'Two'])
    expect(movePhase(agenda, 0, -1).map((p) => p.title)).toEqual(['One', 'Two', 'Three'])
  })

  it('keeps the current phase on the same phase after a removal', () => {
    // Current is "Three" (2); removing "One" (0) makes it index 1.
    expect(phaseAfterRemoval(2, 0, 2)).toBe(1)
    // Removing the current last phase falls back to the new last one.
    expect(phaseAfterRemoval(2, 2, 2)).toBe(1)
    expect(phaseAfterRemoval(0, 2, 2)).toBe(0)
  })

  it('clamps a phase index into the agenda', () => {
    expect(clampPhase(9, 3)).toBe(2)
    expect(clampPhase(-1, 3)).toBe(0)
    expect(clampPhase(1.7, 3)).toBe(1)
    expect(clampPhase(4, 0)).toBe(0)
  })
})
