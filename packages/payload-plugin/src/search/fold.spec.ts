import { describe, expect, it } from 'vitest'

import { fold, indexText, queryTerms, words } from './fold'

describe('fold', () => {
  it('should lower-case every script and drop diacritics', () => {
    expect(fold('БАКУ Київ')).toBe('баку киів')
    expect(fold('ΑΘΉΝΑ ς')).toBe('αθηνα σ')
    expect(fold('ԵՐԵՎԱՆ')).toBe('երեվան')
    expect(fold('Café São Ærø')).toBe('cafe sao ærø')
    expect(fold('مَدْرَسَة')).toBe('مدرسة')
  })

  it('should read Azerbaijani and Turkish dotless and dotted i as i', () => {
    expect(fold('BAKI')).toBe('baki')
    expect(fold('Bakı')).toBe('baki')
    expect(fold('İstanbul')).toBe('istanbul')
  })
})

describe('indexText', () => {
  it('should keep the folded words, then their transliteration where it differs', () => {
    // Folding drops the marks of ї and й as it drops accents (ї → і, й → и), on both sides.
    expect(indexText('Київ приймає')).toBe('киів приимає kyiv pryimaie')
    expect(indexText('Кам’янець-Подільський')).toBe('камянець подільськии kamianets podilskyi')
    expect(indexText('Robotics week')).toBe('robotics week')
  })
})

describe('queryTerms', () => {
  it('should give each word its folded spelling and its transliteration', () => {
    expect(queryTerms('Баку kyiv')).toEqual([['баку', 'baku'], ['kyiv']])
    expect(queryTerms("кам'янець")).toEqual([['камянець', 'kamianets']])
  })

  it('should ignore punctuation and keep at most eight words', () => {
    expect(queryTerms('!!! ---')).toEqual([])
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8)
  })
})

describe('words', () => {
  it('should keep apostrophes inside words and give where each word stands', () => {
    expect(words('У Кам’янці').map(({ end, start }) => [start, end])).toEqual([
      [0, 1],
      [2, 10],
    ])
  })
})
