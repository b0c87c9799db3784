import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { toCsv } from './escape'

describe('toCsv', () => {
  it('should prefix cells a spreadsheet would run with a quote', () => {
    const csv = toCsv(
      ['a'],
      [['=1+1'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['=HYPERLINK("x")\nlater']],
    )
    const cells = Papa.parse<string[]>(csv)
      .data.slice(1)
      .map((row) => row[0])
    expect(cells).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      '\'=HYPERLINK("x")\nlater',
    ])
  })

  it('should leave numbers, plain text and empty cells as they are', () => {
    expect(toCsv(['v', 'w', 'x'], [[-5, 'Lviv', null]])).toBe('v,w,x\r\n-5,Lviv,')
  })
})
