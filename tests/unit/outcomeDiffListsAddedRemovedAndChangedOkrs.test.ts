import { describe, expect, it } from 'vitest'
import type {
  Outcome,
  OutcomeKeyResult,
  OutcomeObjective,
} from '../../shared/outcomes/outcomeSchema.ts'
import { diffOutcomes, isEmptyDiff } from '../../client/outcomes/diffOutcomes.ts'

const keyResult = (id: string, patch: Partial<OutcomeKeyResult> = {}): OutcomeKeyResult => ({
  id,
  title: `KR ${id}`,
  notes: '',
  owner: 'Bo',
  metric: { from: 0, to: 100, current: 10, unit: '%' },
  milestone: false,
  confidence: 5,
  grade: null,
  initiatives: [],
  qualityHints: [],
  ...patch,
})

const objective = (id: string, patch: Partial<OutcomeObjective> = {}): OutcomeObjective => ({
  id,
  title: `Objective ${id}`,
  notes: '',
  team: 'Sales',
  owner: 'Dana',
  parentId: null,
  votes: 0,
  consensus: null,
  catchballRounds: 0,
  keyResults: [],
  qualityHints: [],
  ...patch,
})

const outcome = (version: number, objectives: OutcomeObjective[]): Outcome => ({
  version,
  createdAt: `2027-01-0${version}T10:00:00.000Z`,
  note: '',
  board: { id: 'board', title: 'Q1' },
  objectives,
  actions: [],
  participants: [],
  decisions: {
    finalizedAt: `2027-01-0${version}T10:00:00.000Z`,
    finalizedBy: 'Fiona',
    rounds: [],
    catchballThrows: version,
    qualityHintCount: 0,
    invalidCards: [],
  },
})

describe('diffOutcomes', () => {
  it('finds nothing between a version and an identical copy, whatever the decision record says', () => {
    const v1 = outcome(1, [objective('a', { keyResults: [keyResult('k1')] })])
    // Version, time and catchball count differ; the OKRs do not.
    const v2 = { ...outcome(2, structuredClone(v1.objectives)) }
    expect(isEmptyDiff(diffOutcomes(v1, v2))).toBe(true)
  })

  it('lists objectives and key results added and removed, by id', () => {
    const v1 = outcome(1, [
      objective('a', { keyResults: [keyResult('k1'), keyResult('k2')] }),
      objective('gone'),
    ])
    const v2 = outcome(2, [
      objective('a', { keyResults: [keyResult('k1'), keyResult('k3')] }),
      objective('new', { keyResults: [keyResult('k4')] }),
    ])
    const diff = diffOutcomes(v1, v2)
    expect(diff.objectives.added).toEqual([{ id: 'new', title: 'Objective new' }])
    expect(diff.objectives.removed).toEqual([{ id: 'gone', title: 'Objective gone' }])
    expect(diff.objectives.changed).toEqual([])
    // k3 and k4 are new (k4 under the new objective); k2 went away.
    expect(diff.keyResults.added.map((kr) => kr.id)).toEqual(['k3', 'k4'])
    expect(diff.keyResults.added[1].objectiveTitle).toBe('Objective new')
    expect(diff.keyResults.removed).toEqual([
      { id: 'k2', title: 'KR k2', objectiveTitle: 'Objective a' },
    ])
    expect(diff.keyResults.changed).toEqual([])
  })

  it('shows a retitled objective as one change, not a removal and an addition', () => {
    const v1 = outcome(1, [objective('a', { title: 'Win customers', votes: 2 })])
    const v2 = outcome(2, [objective('a', { title: 'Win the smiles of customers', votes: 5 })])
    const diff = diffOutcomes(v1, v2)
    expect(diff.objectives.added).toEqual([])
    expect(diff.objectives.removed).toEqual([])
    expect(diff.objectives.changed).toEqual([
      {
        item: { id: 'a', title: 'Win the smiles of customers' },
        changes: [
          { field: 'title', before: 'Win customers', after: 'Win the smiles of customers' },
          { field: 'votes', before: '2', after: '5' },
        ],
      },
    ])
  })

  it('shows key result changes field by field: target, owner, grade, confidence', () => {
    const v1 = outcome(1, [objective('a', { keyResults: [keyResult('k1')] })])
    const v2 = outcome(2, [
      objective('a', {
        keyResults: [
          keyResult('k1', {
            owner: 'Cy',
            metric: { from: 0, to: 80, current: 10, unit: '%' },
            confidence: 7,
            grade: 0.7,
          }),
        ],
      }),
    ])
    const [change] = diffOutcomes(v1, v2).keyResults.changed
    expect(change.item.id).toBe('k1')
    expect(change.changes).toEqual([
      { field: 'owner', before: 'Bo', after: 'Cy' },
      { field: 'measure', before: '0 → 100 %', after: '0 → 80 %' },
      { field: 'confidence', before: '5/10', after: '7/10' },
      { field: 'grade', before: '—', after: '0.7' },
    ])
  })

  it('reports a key result moved to another objective as a change of that key result', () => {
    const v1 = outcome(1, [objective('a', { keyResults: [keyResult('k1')] }), objective('b')])
    const v2 = outcome(2, [objective('a'), objective('b', { keyResults: [keyResult('k1')] })])
    const diff = diffOutcomes(v1, v2)
    expect(diff.keyResults.added).toEqual([])
    expect(diff.keyResults.removed).toEqual([])
    expect(diff.keyResults.changed[0].changes).toEqual([
      { field: 'objective', before: 'Objective a', after: 'Objective b' },
    ])
  })

  it('names a re-alignment by the parents titles, and ignores a parent that was only renamed', () => {
    const v1 = outcome(1, [
      objective('top', { title: 'Company' }),
      objective('other', { title: 'Other' }),
      objective('child', { parentId: 'top' }),
    ])
    const renamedParent = outcome(2, [
      objective('top', { title: 'Company goals' }),
      objective('other', { title: 'Other' }),
      objective('child', { parentId: 'top' }),
    ])
    // Only the parent changed (its title); the child still aligns to the same objective.
    expect(diffOutcomes(v1, renamedParent).objectives.changed.map((c) => c.item.id)).toEqual([
      'top',
    ])
    const realigned = outcome(2, [
      ...v1.objectives.slice(0, 2),
      objective('child', { parentId: 'other' }),
    ])
    expect(diffOutcomes(v1, realigned).objectives.changed).toEqual([
      {
        item: { id: 'child', title: 'Objective child' },
        changes: [{ field: 'aligns to', before: 'Company', after: 'Other' }],
      },
    ])
  })

  it('reads a milestone and a missing metric plainly', () => {
    const v1 = outcome(1, [objective('a', { keyResults: [keyResult('k1', { metric: null })] })])
    const v2 = outcome(2, [objective('a', { keyResults: [keyResult('k1', { milestone: true })] })])
    const [change] = diffOutcomes(v1, v2).keyResults.changed
    expect(change.changes).toEqual([{ field: 'measure', before: 'no metric', after: 'milestone' }])
  })
})
