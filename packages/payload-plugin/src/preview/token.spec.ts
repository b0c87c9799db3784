import { describe, expect, it } from 'vitest'

import { PREVIEW_TOKEN_TTL, readPreviewToken, signPreviewToken, verifyPreviewToken } from './token'

const claims = { collection: 'news', id: '7', locale: 'uk', user: '3' }
const now = new Date('2030-01-01T10:02:00Z')

describe('preview tokens', () => {
  it('should give back the claims of a fresh token', async () => {
    const token = await signPreviewToken('secret', claims, now)
    expect(await verifyPreviewToken('secret', token, now)).toEqual(claims)
  })

  it('should refuse a token once it has expired', async () => {
    const token = await signPreviewToken('secret', claims, now)
    const later = new Date(now.getTime() + (PREVIEW_TOKEN_TTL + 1) * 1000)
    expect(await verifyPreviewToken('secret', token, later)).toBeNull()
  })

  it('should refuse a token signed with another secret', async () => {
    const token = await signPreviewToken('other', claims, now)
    expect(await verifyPreviewToken('secret', token, now)).toBeNull()
  })

  it('should refuse a token whose claims were changed', async () => {
    const [header, , signature] = (await signPreviewToken('secret', claims, now)).split('.')
    const body = Buffer.from(JSON.stringify({ c: 'news', i: '8', l: 'uk', sub: '3' })).toString(
      'base64url',
    )
    expect(await verifyPreviewToken('secret', `${header}.${body}.${signature}`, now)).toBeNull()
  })

  it('should give the same token within a five-minute window', async () => {
    const a = await signPreviewToken('secret', claims, now)
    const b = await signPreviewToken('secret', claims, new Date(now.getTime() + 60_000))
    expect(a).toBe(b)
  })

  it('should tell an expired token from a forged one', async () => {
    const token = await signPreviewToken('secret', claims, now)
    const later = new Date(now.getTime() + (PREVIEW_TOKEN_TTL + 1) * 1000)
    expect(await readPreviewToken('secret', token, later)).toEqual({ error: 'expired' })
    expect(await readPreviewToken('other', token, now)).toEqual({ error: 'invalid' })
    expect(await readPreviewToken('secret', 'not-a-token', now)).toEqual({ error: 'invalid' })
    expect(await readPreviewToken('secret', token, now)).toEqual({ claims })
  })
})
