import { describe, expect, it } from 'vitest'

import { isTimeZone, normalizeTimeZone } from './timeZone'

describe('isTimeZone', () => {
  it.each(['Asia/Baku', 'Europe/Kyiv', 'Europe/Kiev', 'Europe/Brussels', 'UTC'])(
    'should accept %s',
    (zone) => {
      expect(isTimeZone(zone)).toBe(true)
    },
  )

  it.each(['Mars/Olympus', '+04:00', 'Baku', '', 42])('should refuse %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false)
  })
})

describe('normalizeTimeZone', () => {
  it('should restore the capitalisation of the IANA database', () => {
    expect(normalizeTimeZone(' asia/baku ')).toBe('Asia/Baku')
  })

  it('should keep an alias as typed', () => {
    expect(normalizeTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv')
  })

  it('should leave an invalid name for validation to report', () => {
    expect(normalizeTimeZone('Mars/Olympus')).toBe('Mars/Olympus')
  })
})
