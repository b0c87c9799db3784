import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const validEvent = {
  title: 'Innovation and Education',
  startsAt: '2023-05-15T05:00:00.000Z',
  endsAt: '2023-05-17T14:00:00.000Z',
  timeZone: 'Asia/Baku',
  format: 'in-person',
  kind: 'seminar',
} as const

describeDb('validation', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const count = async (collection: 'events' | 'news' | 'organizations' | 'statistics') =>
    (await ctx.payload.count({ collection, overrideAccess: true })).totalDocs

  it('should refuse a negative statistics value with a message naming the field', async () => {
    const res = await ctx.api.post('/statistics', {
      auth: users.editor.auth,
      body: { metric: 'teachers', value: -5, asOf: '2024-01-01', scope: 'programme' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/value/i)
    expect(await count('statistics')).toBe(0)
  })

  it('should refuse an event that ends before it starts, saving nothing', async () => {
    await expect(
      ctx.payload.create({
        collection: 'events',
        data: { ...validEvent, endsAt: '2023-05-14T00:00:00.000Z', _status: 'published' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/endsAt|end/i)
    expect(await count('events')).toBe(0)
  })

  it('should refuse an unknown IANA time zone', async () => {
    await expect(
      ctx.payload.create({
        collection: 'events',
        data: { ...validEvent, timeZone: 'Mars/Olympus' },
        draft: true,
        overrideAccess: true,
      }),
    ).rejects.toThrow(/time ?zone/i)
  })

  it('should refuse javascript: and data: links', async () => {
    for (const sourceUrl of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.org',
    ]) {
      await expect(
        ctx.payload.create({
          collection: 'news',
          data: { title: 'Links', sourceUrl },
          draft: true,
          overrideAccess: true,
        }),
      ).rejects.toThrow(/sourceUrl|http/i)
    }
    expect(await count('news')).toBe(0)
  })

  it('should accept http and https links', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Good link', sourceUrl: 'https://etwinning.org.ua/about' },
      draft: true,
      overrideAccess: true,
    })
    expect(doc.sourceUrl).toBe('https://etwinning.org.ua/about')
  })

  it('should refuse a country code that is not ISO 3166-1 alpha-2', async () => {
    const res = await ctx.api.post('/organizations', {
      auth: users.editor.auth,
      body: { name: 'Nowhere school', kind: 'school', country: 'XX' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/country/i)
    expect(await count('organizations')).toBe(0)
  })

  it('should require a country for a country-scoped snapshot', async () => {
    await expect(
      ctx.payload.create({
        collection: 'statistics',
        data: { metric: 'teachers', value: 1, asOf: '2024-01-01', scope: 'country' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/country/i)
  })

  it('should refuse a second snapshot for the same metric, scope and date', async () => {
    const data = {
      metric: 'projects',
      value: 5103,
      asOf: '2024-06-01',
      scope: 'country',
      country: 'AZ',
    } as const
    await ctx.payload.create({ collection: 'statistics', data, overrideAccess: true })
    await expect(
      ctx.payload.create({
        collection: 'statistics',
        data: { ...data, value: 6000 },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/already/i)
    const { docs } = await ctx.payload.find({
      collection: 'statistics',
      where: { key: { equals: 'projects' } },
      overrideAccess: true,
    })
    expect(docs.map((doc) => doc.value)).toEqual([5103])
  })

  it('should keep a document unchanged when an update is refused', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Stable title', _status: 'published' },
      overrideAccess: true,
    })
    await expect(
      ctx.payload.update({
        collection: 'news',
        id: doc.id,
        data: { title: 'Changed title', sourceUrl: 'javascript:void(0)' },
        overrideAccess: true,
      }),
    ).rejects.toThrow()
    const again = await ctx.payload.findByID({
      collection: 'news',
      id: doc.id,
      overrideAccess: true,
    })
    expect(again.title).toBe('Stable title')
  })

  it('should answer GraphQL validation errors with the field name', async () => {
    const res = await ctx.api.graphql(
      'mutation { createStatistic(data: { metric: teachers, value: -1, asOf: "2024-01-01", scope: programme }) { id } }',
      {},
      { auth: users.editor.auth },
    )
    expect(JSON.stringify(res.body.errors)).toMatch(/value/i)
  })
})
