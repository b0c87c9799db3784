import { describe, expect, it } from 'vitest'

import { parseOrigins } from '../src/origins'

describe('parseOrigins', () => {
  it('should read an unset or empty value as no origin', () => {
    expect(parseOrigins(undefined)).toEqual([])
    expect(parseOrigins(' , ')).toEqual([])
  })

  it('should reduce each entry to its origin and drop duplicates', () => {
    expect(
      parseOrigins(
        'https://intranet.example.org/, http://localhost:3500/admin,https://intranet.example.org',
      ),
    ).toEqual(['https://intranet.example.org', 'http://localhost:3500'])
  })

  it('should refuse a wildcard and other schemes', () => {
    expect(() => parseOrigins('*')).toThrow(/ETW_CORS_ORIGINS: "\*" is not an origin/)
    expect(() => parseOrigins('javascript:alert(1)')).toThrow(/not an origin/)
  })
})
