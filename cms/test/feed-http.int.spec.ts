import { getFeed } from '@etw/payload-plugin'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { afterSettle, callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const NEWS = '/api/etw/v1/news'

describeDb('public feed: HTTP behaviour', () => {
  let ctx: IntContext
  const call = (url: string, options?: Parameters<typeof callFeed>[2]) =>
    callFeed(ctx.payload, url, options)

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should let any origin read the feed, without credentials', async () => {
    const res = await call(NEWS, { headers: { origin: 'https://school.example' } })
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
    expect(res.headers['access-control-expose-headers']).toBe('ETag, Retry-After')
  })

  it('should let any origin read errors too', async () => {
    const res = await call(`${NEWS}?limit=0`)
    expect(res.headers['access-control-allow-origin']).toBe('*')
  })

  it('should answer a preflight with the allowed methods and headers', async () => {
    const res = await call(NEWS, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://school.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    })
    expect(res.status).toBe(204)
    expect(res.raw.byteLength).toBe(0)
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-None-Match, Content-Type',
      'access-control-max-age': '86400',
    })
  })

  it('should refuse writes with 405 and Allow', async () => {
    const res = await call(NEWS, { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(res.json.error.code).toBe('method_not_allowed')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('should send cache headers on successful answers', async () => {
    const res = await call(NEWS)
    expect(res.headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    )
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
  })

  it('should not let caches keep errors', async () => {
    const res = await call(`${NEWS}?limit=51`)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers.etag).toBeUndefined()
  })

  it.each([
    ['/api/etw/v1/stats', 'application/json; charset=utf-8'],
    ['/api/etw/v1/stats/history?metric=projects', 'application/json; charset=utf-8'],
    ['/api/etw/v1/news', 'application/json; charset=utf-8'],
    ['/api/etw/v1/events', 'application/json; charset=utf-8'],
    ['/api/etw/v1/news.rss', 'application/rss+xml; charset=utf-8'],
    ['/api/etw/v1/events.ics', 'text/calendar; charset=utf-8'],
    ['/api/health', 'application/json; charset=utf-8'],
  ])('should answer %s as %s', async (url, type) => {
    const res = await call(url)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['content-length']).toBe(String(res.raw.byteLength))
  })

  it('should answer 304 without a body when If-None-Match has the ETag', async () => {
    const { headers } = await call(NEWS)
    const res = await call(NEWS, { headers: { 'if-none-match': headers.etag as string } })
    expect(res.status).toBe(304)
    expect(res.raw.byteLength).toBe(0)
    expect(res.headers.etag).toBe(headers.etag)
    expect(res.headers['cache-control']).toContain('s-maxage=300')
  })

  it('should answer 304 for the weak form of the ETag', async () => {
    const { headers } = await call(NEWS)
    const res = await call(NEWS, { headers: { 'if-none-match': `W/${headers.etag}` } })
    expect(res.status).toBe(304)
  })

  it('should answer 304 when the ETag is one of a list', async () => {
    const { headers } = await call(NEWS)
    const res = await call(NEWS, { headers: { 'if-none-match': `"old", ${headers.etag}` } })
    expect(res.status).toBe(304)
  })

  it('should answer 200 for an ETag of other content', async () => {
    const res = await call(NEWS, { headers: { 'if-none-match': '"something-else"' } })
    expect(res.status).toBe(200)
  })

  it('should send brotli when asked, which decompresses to the plain body', async () => {
    const plain = await call(NEWS)
    const res = await call(NEWS, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.raw.byteLength).toBeLessThan(plain.raw.byteLength)
    expect(res.text).toBe(plain.text)
    expect(res.headers.etag).toBe(`${plain.headers.etag?.slice(0, -1)}-br"`)
  })

  it('should send gzip to clients without brotli, which decompresses to the plain body', async () => {
    const plain = await call('/api/etw/v1/news.rss')
    const res = await call('/api/etw/v1/news.rss', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.text).toBe(plain.text)
  })

  it('should revalidate a compressed answer with its ETag', async () => {
    const headers = { 'accept-encoding': 'br' }
    const first = await call(NEWS, { headers })
    const res = await call(NEWS, { headers: { ...headers, 'if-none-match': first.headers.etag! } })
    expect(res.status).toBe(304)
  })

  it('should tell a cached answer from one produced for the request', async () => {
    getFeed(ctx.payload).invalidate()
    const first = await call(`${NEWS}?locale=uk`)
    const second = await call(`${NEWS}?locale=uk`)
    expect([first.headers['x-etw-cache'], second.headers['x-etw-cache']]).toEqual(['miss', 'hit'])
  })

  it('should answer HEAD with the headers of GET and no body', async () => {
    const get = await call(NEWS)
    const head = await call(NEWS, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.raw.byteLength).toBe(0)
    // Whether each was produced or found cached apart.
    const { 'x-etw-cache': getCache, ...getHeaders } = get.headers
    const { 'x-etw-cache': headCache, ...headHeaders } = head.headers
    expect(headHeaders).toEqual(getHeaders)
    expect([getCache, headCache].every((value) => value === 'hit' || value === 'miss')).toBe(true)
  })

  it('should not claim paths outside the feed', async () => {
    const feed = getFeed(ctx.payload)
    expect(await feed.handle({ method: 'GET', url: '/api/news', headers: {} })).toBeNull()
    expect(await feed.handle({ method: 'GET', url: '/admin', headers: {} })).toBeNull()
  })

  it('should serve equivalent queries from one cache entry', async () => {
    await afterSettle()
    const spy = vi.spyOn(ctx.payload, 'find')
    try {
      await call(`${NEWS}?country=UA&limit=5&locale=en`)
      const calls = spy.mock.calls.length
      expect(calls).toBeGreaterThan(0)
      const again = await call(`${NEWS}?locale=en&country=ua`)
      expect(again.status).toBe(200)
      expect(spy.mock.calls.length).toBe(calls)
    } finally {
      spy.mockRestore()
    }
  })

  it('should make links relative when neither serverURL nor Host is known', async () => {
    const response = await getFeed(ctx.payload).handle({ method: 'GET', url: NEWS, headers: {} })
    const body = JSON.parse(Buffer.from(response!.body).toString())
    expect(body.items[0].link).toMatch(/^\/en\/news\/[a-z0-9-]+$/)
  })

  it('should answer through Payload’s REST route with the same body and ETag', async () => {
    // The test client sends no Host header, so links stay relative on both paths.
    const direct = await call(`${NEWS}?limit=1`, { headers: { host: '' } })
    const viaPayload = await ctx.api.get('/etw/v1/news?limit=1')
    expect(viaPayload.status).toBe(200)
    expect(viaPayload.headers.get('etag')).toBe(direct.headers.etag)
    expect(viaPayload.body).toEqual(direct.json)
    expect(viaPayload.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('should answer 400 through Payload’s REST route for a bad parameter', async () => {
    const res = await ctx.api.get('/etw/v1/news?limit=500')
    expect(res.status).toBe(400)
    expect(res.body.error.parameter).toBe('limit')
  })
})
