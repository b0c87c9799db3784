import { describe, expect, it } from 'vitest'

import { entryResponse } from './http'

const entry = {
  bodies: { identity: Buffer.from('{}') },
  contentType: 'application/json',
  hash: 'h',
}
const policy = { maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600 }

describe('entryResponse', () => {
  it('should give a fresh entry the configured cache lifetimes', () => {
    const response = entryResponse(entry, {
      encoding: 'identity',
      ifNoneMatch: undefined,
      method: 'GET',
      policy,
    })
    expect(response.headers['cache-control']).toContain('s-maxage=300')
  })

  it('should let shared caches keep a stale entry only a few seconds', () => {
    const response = entryResponse(
      { ...entry, stale: true },
      { encoding: 'identity', ifNoneMatch: undefined, method: 'GET', policy },
    )
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toMatch(/max-age=0, s-maxage=5/)
  })
})
