import { describe, expect, it } from 'vitest'
import {
  boardImageFileName,
  filenameFromDisposition,
  safeFileStem,
} from '../../client/outcomes/fileNames.ts'

describe('filenameFromDisposition', () => {
  it('reads the quoted name the outcomes route sends', () => {
    expect(filenameFromDisposition('attachment; filename="Q1-OKRs-v2.md"')).toBe('Q1-OKRs-v2.md')
  })

  it('reads an unquoted name and prefers the RFC 5987 one when both are there', () => {
    expect(filenameFromDisposition('attachment; filename=okrs.csv')).toBe('okrs.csv')
    expect(
      filenameFromDisposition(
        `attachment; filename="plain.md"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.md`,
      ),
    ).toBe('Grüße.md')
  })

  it('never lets a name carry folders', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromDisposition('attachment; filename=".."')).toBeNull()
  })

  it('gives null without a name, so the caller falls back to its own', () => {
    expect(filenameFromDisposition(null)).toBeNull()
    expect(filenameFromDisposition('attachment')).toBeNull()
  })
})

describe('board image file names', () => {
  it('clean the title the way the server cleans export names', () => {
    expect(safeFileStem('Q1 "OKRs", 2027')).toBe('Q1-OKRs-2027')
    expect(boardImageFileName('Q3 OKRs – Sales', 'png')).toBe('Q3-OKRs-Sales-board.png')
  })

  it('fall back to "board" for a title with nothing usable', () => {
    expect(boardImageFileName('😀 ✨', 'svg')).toBe('board-board.svg')
  })
})
