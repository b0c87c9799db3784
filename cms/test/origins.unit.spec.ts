import { describe, expect, it } from 'vitest'

import { adminOrigins, parseOrigins } from '../src/origins'

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

  it('should give CORS and CSRF their own copy of the origins', () => {
    const lists = adminOrigins({
      ETW_CORS_ORIGINS: 'https://intranet.example.org',
      ETW_SERVER_URL: 'https://cms.example.org',
    })
    expect(lists).toEqual({
      cors: ['https://intranet.example.org'],
      csrf: ['https://intranet.example.org'],
    })
    expect(lists.cors).not.toBe(lists.csrf)
  })

  it('should refuse extra origins without ETW_SERVER_URL', () => {
    expect(() => adminOrigins({ ETW_CORS_ORIGINS: 'https://intranet.example.org' })).toThrow(
      /ETW_CORS_ORIGINS needs ETW_SERVER_URL/,
    )
    expect(adminOrigins({})).toEqual({ cors: [], csrf: [] })
  })
})
