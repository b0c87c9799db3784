import { describe, expect, it } from 'vitest'
import { formatChange, formatDay, t } from './etw-stats.strings'

describe('<etw-stats> strings', () => {
  it('should sign the change to the previous snapshot', () => {
    expect(formatChange('en', 128)).toBe('+128')
    expect(formatChange('en', -40)).toBe('-40')
    expect(formatChange('en', 0)).toBe('0')
    expect(formatChange('uk', 1280)).toBe('+1\u00a0280')
  })

  it('should write a snapshot day in the reader language, whatever the time zone', () => {
    expect(formatDay('en', '2023-05-15')).toBe('May 15, 2023')
    expect(formatDay('uk', '2025-02-07')).toMatch(/^7 лют\. 2025/)
  })

  it('should have the date and change sentences in English, Ukrainian and Azerbaijani', () => {
    expect(t('en', 'since')).toBe('{n} since {d}')
    expect(t('uk', 'asOf')).toBe('Станом на {d}')
    expect(t('az', 'source')).toBe('Mənbə')
  })
})
