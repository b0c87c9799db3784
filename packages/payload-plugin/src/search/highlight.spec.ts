import { describe, expect, it } from 'vitest'

import { queryTerms } from './fold'
import { EXCERPT_LENGTH, highlight, matchRanges } from './highlight'

describe('matchRanges', () => {
  it('should mark whole words whose start matches, in any case or spelling', () => {
    expect(matchRanges('Семінар у Баку', queryTerms('БАКУ'))).toEqual([[10, 14]])
    expect(matchRanges('Семінар у Баку', queryTerms('семін'))).toEqual([[0, 7]])
    expect(matchRanges('Київ приймає', queryTerms('kyiv'))).toEqual([[0, 4]])
    expect(matchRanges('Bakı şəhəri', queryTerms('BAKI'))).toEqual([[0, 4]])
  })

  it('should not mark words that only contain the term', () => {
    expect(matchRanges('Subaku', queryTerms('baku'))).toEqual([])
  })
})

describe('highlight', () => {
  it('should give the title and the summary that match, never HTML', () => {
    expect(
      highlight('robot', [
        ['title', 'Robots <b>week</b>'],
        ['summary', 'Robotics for all'],
        ['body', 'Robot body'],
      ]),
    ).toEqual([
      { field: 'title', ranges: [[0, 6]], text: 'Robots <b>week</b>' },
      { field: 'summary', ranges: [[0, 8]], text: 'Robotics for all' },
    ])
  })

  it('should cut a long body to an excerpt around its first match', () => {
    const body = `${'lorem '.repeat(60)}walrus ${'ipsum '.repeat(60)}`
    const [found] = highlight('walrus', [
      ['title', 'Other'],
      ['body', body],
    ])
    expect(found?.field).toBe('body')
    expect(found!.text.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 20)
    const [start, end] = found!.ranges[0]!
    expect(found!.text.slice(start, end)).toBe('walrus')
  })

  it('should give nothing when nothing matches', () => {
    expect(highlight('zebra', [['title', 'Robots']])).toEqual([])
  })
})
