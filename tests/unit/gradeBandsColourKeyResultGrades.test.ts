import { describe, expect, it } from 'vitest'
import { formatGrade, gradeBand, parseGrade } from '../../client/outcomes/grade.ts'

describe('gradeBand', () => {
  it('is red below 0.4, amber below 0.7 and green from 0.7 (the usual stretch target)', () => {
    expect(gradeBand(0)).toBe('low')
    expect(gradeBand(0.39)).toBe('low')
    expect(gradeBand(0.4)).toBe('middle')
    expect(gradeBand(0.69)).toBe('middle')
    expect(gradeBand(0.7)).toBe('good')
    expect(gradeBand(1)).toBe('good')
  })

  it('has no colour before a key result is graded', () => {
    expect(gradeBand(null)).toBe('none')
  })
})

describe('parseGrade', () => {
  it('reads 0.0–1.0 with a point or a comma', () => {
    expect(parseGrade('0.7')).toBe(0.7)
    expect(parseGrade('0,7')).toBe(0.7)
    expect(parseGrade('.5')).toBe(0.5)
    expect(parseGrade('1')).toBe(1)
    expect(parseGrade(' 0 ')).toBe(0)
  })

  it('clears the grade when the field is emptied', () => {
    expect(parseGrade('')).toBeNull()
    expect(parseGrade('   ')).toBeNull()
  })

  it('rejects what is not a grade, so a half-typed value is never written', () => {
    for (const text of ['1.2', '-0.1', '70', 'abc', '0.7.1', '1e-1', '-']) {
      expect(parseGrade(text), text).toBeUndefined()
    }
  })

  it('keeps two decimals at most', () => {
    expect(parseGrade('0.755')).toBe(0.76)
  })
})

describe('formatGrade', () => {
  it('shows one decimal, two when they matter, and a dash when not graded', () => {
    expect(formatGrade(0.7)).toBe('0.7')
    expect(formatGrade(1)).toBe('1.0')
    expect(formatGrade(0.75)).toBe('0.75')
    expect(formatGrade(null)).toBe('–')
  })
})
