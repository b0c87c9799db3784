import { MAX_QUERY_LIMIT } from '@etw/payload-plugin'
import { REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEFAULT_MAX_BODY_BYTES, withRequestLimits } from '../src/request-limits'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

/** More documents than one request may return. */
const MANY = MAX_QUERY_LIMIT + 5

describeDb('bounded queries and request bodies', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let newsId: number | string
  let route: {
    GET: ReturnType<typeof withRequestLimits>
    POST: ReturnType<typeof withRequestLimits>
    PATCH: ReturnType<typeof withRequestLimits>
  }

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const { payload } = ctx
    for (let i = 0; i < MANY; i += 1) {
      await payload.create({
        collection: 'organizations',
        data: { name: `School ${i}`, kind: 'school', country: 'UA' },
      })
      await payload.create({
        collection: 'audit-log',
        data: { action: 'login', summary: `Login ${i}` } as never,
      })
    }
    // A cycle news → event → news …: every level of `depth` populates one more hop.
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Cycle news', _status: 'published' },
    })
    newsId = news.id
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Cycle event',
        startsAt: '2030-05-15T05:00:00.000Z',
        endsAt: '2030-05-15T08:00:00.000Z',
        timeZone: 'Asia/Baku',
        format: 'online',
        kind: 'webinar',
        relatedNews: [news.id],
        _status: 'published',
      } as never,
    })
    await payload.update({
      collection: 'news',
      id: news.id,
      data: { relatedEvents: [event.id] } as never,
    })
    route = {
      GET: withRequestLimits(REST_GET(ctx.config)),
      POST: withRequestLimits(REST_POST(ctx.config)),
      PATCH: withRequestLimits(REST_PATCH(ctx.config)),
    }
  })

  afterAll(async () => {
    await ctx?.close()
  })

  // The project's collections; Payload's own (`payload-*`: preferences, locks, jobs, key-value)
  // are added after plugins run and hold a handful of documents per user.
  const slugs = () =>
    ctx.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))

  it.each(['limit=0', 'limit=100000', 'pagination=false', 'pagination=false&limit=0', 'limit=-1'])(
    'should return at most 100 documents from every REST collection route with %s',
    async (query) => {
      for (const slug of slugs()) {
        const res = await ctx.api.get(`/${slug}?${query}&depth=0`, { auth: users.admin.auth })
        expect({ slug, status: res.status }).toEqual({ slug, status: 200 })
        expect(res.body.docs.length).toBeLessThanOrEqual(MAX_QUERY_LIMIT)
        expect(res.body.limit).toBeLessThanOrEqual(MAX_QUERY_LIMIT)
      }
    },
  )

  it('should return exactly 100 of 105 organizations to an anonymous limit=0 request', async () => {
    const res = await ctx.api.get('/organizations?limit=0&depth=0')
    expect(res.body.docs).toHaveLength(MAX_QUERY_LIMIT)
    expect(res.body.totalDocs).toBe(MANY)
    expect(res.body.hasNextPage).toBe(true)
  })

  it('should page through the rest after the clamp', async () => {
    const res = await ctx.api.get('/organizations?limit=100000&page=2&depth=0')
    expect(res.body.docs).toHaveLength(MANY - MAX_QUERY_LIMIT)
  })

  it('should return at most 100 audit entries to an admin asking for all of them', async () => {
    const res = await ctx.api.get('/audit-log?pagination=false', { auth: users.admin.auth })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(MAX_QUERY_LIMIT)
  })

  it('should keep the Local API unbounded for the project’s own code', async () => {
    const all = await ctx.payload.find({ collection: 'organizations', pagination: false })
    expect(all.docs).toHaveLength(MANY)
  })

  it.each([
    ['limit: 0', 'Organizations'],
    ['limit: 100000', 'Organizations'],
    ['pagination: false', 'Organizations'],
    ['pagination: false', 'AuditLog'],
    ['limit: 0', 'Users'],
  ])('should return at most 100 documents from GraphQL with %s on %s', async (args, query) => {
    const res = await ctx.api.graphql<Record<string, { docs: unknown[]; limit: number }>>(
      `{ ${query}(${args}) { docs { id } limit } }`,
      {},
      { auth: users.admin.auth },
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data?.[query]?.docs.length).toBeLessThanOrEqual(MAX_QUERY_LIMIT)
  })

  it('should return exactly 100 organizations to an anonymous GraphQL pagination: false', async () => {
    const res = await ctx.api.graphql<{ Organizations: { docs: unknown[] } }>(
      '{ Organizations(pagination: false) { docs { id } } }',
    )
    expect(res.body.data?.Organizations.docs).toHaveLength(MAX_QUERY_LIMIT)
  })

  it('should populate relationships no deeper than maxDepth when asked for depth=100', async () => {
    expect(ctx.config.maxDepth).toBe(3)
    const res = await ctx.api.get(`/news/${newsId}?depth=100`)
    expect(res.status).toBe(200)
    // depth 1: the event; 2: its news; 3: that news's event; below that only an id.
    const event1 = res.body.relatedEvents[0]
    const news2 = event1.relatedNews[0]
    const event3 = news2.relatedEvents[0]
    expect(typeof event3).toBe('object')
    expect(event3.relatedNews[0]).toBe(newsId)
  })

  it('should keep depth=0 and depth=1 as asked (the admin reads at these depths)', async () => {
    const zero = await ctx.api.get(`/news/${newsId}?depth=0`)
    expect(zero.body.relatedEvents[0]).not.toBeTypeOf('object')
    const one = await ctx.api.get(`/news/${newsId}?depth=1`)
    expect(one.body.relatedEvents[0].relatedNews[0]).toBe(newsId)
  })

  it('should refuse sorting by a path that names no field with 400', async () => {
    const res = await ctx.api.get('/news?sort=hash')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/cannot be sorted: hash/)
  })

  it('should refuse a like pattern longer than 1,000 characters with 400 naming the field', async () => {
    const pattern = encodeURIComponent('\u00a0'.repeat(1_001))
    const res = await ctx.api.get(`/statistics?where[label][like]=${pattern}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/label like is longer than 1000 characters/)
    const fits = await ctx.api.get(
      `/statistics?where[label][like]=${encodeURIComponent('\u00a0'.repeat(1_000))}`,
    )
    expect(fits.status).toBe(200)
  })

  it('should answer the versions of a collection without versions with 404', async () => {
    const res = await ctx.api.get('/organizations/versions', { auth: users.editor.auth })
    expect(res.status).toBe(404)
  })

  it('should answer a non-numeric id with 404, not a server error', async () => {
    const res = await ctx.api.get('/organizations/not-a-number')
    expect(res.status).toBe(404)
  })

  it.each([
    'where[createdAt][greater_than]=banana',
    'where[id][in]=a,b',
    'where[name][near]=1,2',
    'where[name][in][a]=1',
    `where[name][like]=${'a%20'.repeat(100)}`,
    'where[kind][equals]=banana',
    'where[kind][like]=school',
    'where[name][all]=x',
    'where[logo][like]=x',
    'where=%5Bnull%5D',
    'where[name]=x',
  ])('should answer %s with 400, not a server error', async (query) => {
    const res = await ctx.api.get(`/organizations?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toEqual(expect.any(String))
  })

  const request = (
    method: 'GET' | 'PATCH' | 'POST',
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string>; duplex?: 'half' } = {},
  ) => {
    const url = new URL(`http://localhost:3000/api${path}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const headers = new Headers(init.headers)
    headers.set('Authorization', users.editor.auth)
    return route[method](new Request(url, { method, ...init, headers }), {
      params: Promise.resolve({ slug }),
    })
  }

  it('should answer a malformed JSON POST with 400 and a JSON error', async () => {
    const res = await request('POST', '/organizations', {
      body: '{"name": "Broken",',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { message: string }[] }
    expect(body.errors[0]?.message).toMatch(/not valid JSON/)
  })

  it('should answer a malformed JSON PATCH with 400', async () => {
    const res = await request('PATCH', `/news/${newsId}`, {
      body: '{"title": ',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
    expect(res.status).toBe(400)
  })

  it('should answer a malformed where parameter given as JSON with 400', async () => {
    const res = await request('GET', '/news?where=%7B%22title%22')
    expect(res.status).toBe(400)
  })

  it('should refuse a JSON body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) })
    const res = await request('POST', '/organizations', {
      body: big,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
    })
    expect(res.status).toBe(413)
  })

  it('should refuse a streamed body over 1 MiB without Content-Length with 413', async () => {
    let sent = 0
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: the wrapper must stop reading at the limit.
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const res = await request('POST', '/organizations', {
      body: stream,
      duplex: 'half',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(413)
    expect(sent).toBeLessThan(DEFAULT_MAX_BODY_BYTES * 2)
  })

  it('should pass a valid JSON body through to Payload', async () => {
    const res = await request('POST', '/organizations', {
      body: JSON.stringify({ name: 'Through the wrapper', kind: 'school', country: 'AZ' }),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { doc: { name: string } }
    expect(body.doc.name).toBe('Through the wrapper')
  })
})
