import { describe, expect, it } from 'vitest'
import {
  importFormatOf,
  importProblemsOf,
  problemLocation,
} from '../../client/outcomes/importFile.ts'

describe('importFormatOf', () => {
  it('goes by the extension first', () => {
    expect(importFormatOf('okrs.JSON', 'objective_id,objective')).toBe('json')
    expect(importFormatOf('okrs.csv', '{"a":1}')).toBe('csv')
  })

  it('looks at the content when the name says nothing', () => {
    expect(importFormatOf('export', '\uFEFF  {"version":1}')).toBe('json')
    expect(importFormatOf('export.txt', 'objective_id,objective\r\n')).toBe('csv')
  })
})

describe('importProblemsOf', () => {
  it('keeps the row / path and message of each problem the server lists', () => {
    expect(
      importProblemsOf([
        { row: 3, message: 'confidence must be a number from 0 to 10' },
        { path: 'objectives.0.id', message: 'must match ^[A-Za-z0-9_-]{1,64}$' },
      ]),
    ).toEqual([
      { row: 3, message: 'confidence must be a number from 0 to 10' },
      { path: 'objectives.0.id', message: 'must match ^[A-Za-z0-9_-]{1,64}$' },
    ])
  })

  it('drops anything without a message and survives details of another shape', () => {
    expect(importProblemsOf([{ row: 2 }, null, 'text', { message: 'ok', row: '2' }])).toEqual([
      { message: 'ok' },
    ])
    expect(importProblemsOf(undefined)).toEqual([])
    expect(importProblemsOf({ message: 'not a list' })).toEqual([])
  })
})

describe('problemLocation', () => {
  it('reads as people say it', () => {
    expect(problemLocation({ row: 4, message: '' })).toBe('Row 4')
    expect(problemLocation({ path: 'objectives.1.title', message: '' })).toBe('objectives.1.title')
    expect(problemLocation({ message: '' })).toBe('File')
  })
})
