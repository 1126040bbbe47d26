import { describe, expect, it } from 'vitest'
import { pdcaFrameLayout } from '../../client/outcomes/pdcaFrames.ts'
import { overlaps } from '../../client/shapes/cardPlacement.ts'

describe('pdcaFrameLayout', () => {
  const frames = pdcaFrameLayout()
  const rect = (frame: (typeof frames)[number]) => ({
    x: frame.x,
    y: frame.y,
    w: frame.props.w,
    h: frame.props.h,
  })

  it('has the four areas with fixed ids, so two first clients write the same records', () => {
    expect(frames.map((f) => [f.id, f.props.name])).toEqual([
      ['shape:pdca-plan', 'Plan'],
      ['shape:pdca-do', 'Do'],
      ['shape:pdca-check', 'Check'],
      ['shape:pdca-adjust', 'Adjust'],
    ])
    expect(pdcaFrameLayout()).toEqual(frames)
  })

  it('goes round clockwise like the cycle: Plan, Do on top; Check under Do; Adjust under Plan', () => {
    const [plan, doArea, check, adjust] = frames
    expect(doArea.x).toBeGreaterThan(plan.x)
    expect(doArea.y).toBe(plan.y)
    expect(check.x).toBe(doArea.x)
    expect(check.y).toBeGreaterThan(doArea.y)
    expect(adjust.x).toBe(plan.x)
    expect(adjust.y).toBe(check.y)
  })

  it('never overlaps itself', () => {
    for (const a of frames) {
      for (const b of frames) {
        if (a !== b) expect(overlaps(rect(a), rect(b)), `${a.id} / ${b.id}`).toBe(false)
      }
    }
  })
})
