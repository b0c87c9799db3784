import { describe, expect, it } from 'vitest'
import { numberFormat } from './etw-stats.format'
import { formatChange, formatDay, t } from './etw-stats.strings'

describe('<etw-stats> strings', () => {
  it('should sign the change to the previous snapshot', () => {
    const en = numberFormat('en', 128)
    expect(formatChange(en, 128)).toBe('+128')
    expect(formatChange(en, -40)).toBe('-40')
    expect(formatChange(en, 0)).toBe('0')
    expect(formatChange(numberFormat('uk', 1280), 1280)).toBe('+1\u00a0280')
  })

  it('should write the change in the digits of the CMS sample when the locale data is missing', () => {
    // `xx` has no data anywhere: the sample's Arabic-Indic digits and separator are used.
    expect(formatChange(numberFormat('xx', 4308, '٤٬٣٠٨'), 1280)).toBe('+١٬٢٨٠')
  })

  it('should write a snapshot day in the reader language, whatever the time zone', () => {
    expect(formatDay('en', '2023-05-15')).toBe('May 15, 2023')
    expect(formatDay('uk', '2025-02-07')).toMatch(/^7 лют\. 2025/)
    expect(formatDay('xx', '2023-05-15', '15 may 2023')).toBe('15 may 2023')
  })

  it('should have the date and change sentences in English', () => {
    expect(t('en', 'since')).toBe('{n} since {d}')
    expect(t('en', 'asOf')).toBe('As of {d}')
    expect(t('en', 'statsSource')).toBe('Source')
  })
})
