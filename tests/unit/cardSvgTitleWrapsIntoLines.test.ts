import { describe, expect, it } from 'vitest'
import { wrapText } from '../../client/shapes/wrapText.ts'

describe('wrapText', () => {
  it('wraps words into lines of at most the given width', () => {
    expect(wrapText('Win the smiles of more customers', 12, 4)).toEqual([
      'Win the',
      'smiles of',
      'more',
      'customers',
    ])
  })

  it('ends with an ellipsis when the text needs more lines', () => {
    const lines = wrapText('one two three four five six seven', 9, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
  })

  it('cuts a word longer than a line', () => {
    expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…'])
  })
})
