import { describe, expect, it } from 'vitest'

import { normalizeDay, snapshotKey, snapshotScopeKey } from './snapshot'

describe('snapshotKey', () => {
  it('should be the metric for a built-in metric', () => {
    expect(snapshotKey({ metric: 'teachers', customKey: 'ignored' })).toBe('teachers')
  })

  it('should be the custom key for a custom metric', () => {
    expect(snapshotKey({ metric: 'custom', customKey: 'partner-schools' })).toBe('partner-schools')
  })
})

describe('snapshotScopeKey', () => {
  it.each([
    [{ scope: 'programme', country: 'AZ' }, 'programme'],
    [{}, 'programme'],
    [{ scope: 'country', country: 'AZ' }, 'country:AZ'],
    [{ scope: 'region', country: 'UA', region: 'Khmelnytskyi' }, 'region:UA:Khmelnytskyi'],
    [{ scope: 'organization', organization: 7 }, 'organization:7'],
    [{ scope: 'organization', organization: { id: 'abc' } }, 'organization:abc'],
  ])('should key %j as %s', (input, expected) => {
    expect(snapshotScopeKey(input)).toBe(expected)
  })

  it('should be undefined while the scope field is missing', () => {
    expect(snapshotScopeKey({ scope: 'country' })).toBeUndefined()
  })
})

describe('normalizeDay', () => {
  it('should store a day as noon UTC', () => {
    expect(normalizeDay('2024-06-01')).toBe('2024-06-01T12:00:00.000Z')
  })

  it('should treat the day picker value as the same day', () => {
    expect(normalizeDay('2024-06-01T12:00:00.000Z')).toBe('2024-06-01T12:00:00.000Z')
  })

  it('should return undefined for an unreadable date', () => {
    expect(normalizeDay('not a date')).toBeUndefined()
  })
})
