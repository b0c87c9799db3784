import { describe, expect, it } from 'vitest'

import { vtimezone, zonedInstant } from './ics'

describe('zonedInstant', () => {
  it('should give the wall-clock time in the zone', () => {
    const start = zonedInstant(new Date('2023-05-15T05:00:00.000Z'), 'Asia/Baku')
    expect(start.format('YYYYMMDD')).toBe('20230515')
    expect(start.format('HHmmss')).toBe('090000')
  })

  it('should follow daylight saving time', () => {
    const summer = zonedInstant(new Date('2025-07-01T12:00:00.000Z')).tz('Europe/Kyiv')
    const winter = zonedInstant(new Date('2025-01-01T12:00:00.000Z')).tz('Europe/Kyiv')
    expect(summer.format('HHmmss')).toBe('150000')
    expect(winter.format('HHmmss')).toBe('140000')
  })

  it('should cross midnight into the next day', () => {
    const late = zonedInstant(new Date('2025-01-01T22:30:00.000Z'), 'Asia/Baku')
    expect(late.format('YYYYMMDD')).toBe('20250102')
    expect(late.format('HHmmss')).toBe('023000')
  })
})

describe('vtimezone', () => {
  it('should give the VTIMEZONE of a known zone', () => {
    expect(vtimezone('Asia/Baku')).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Asia\/Baku/)
  })

  it('should give null for an unknown zone', () => {
    expect(vtimezone('Mars/Olympus_Mons')).toBeNull()
  })
})
