import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

describeDb('GraphQL consumer queries', () => {
  let ctx: IntContext
  let admin: TestUser
  const gql = (query: string, variables?: Record<string, unknown>, auth?: string) =>
    ctx.api.graphql(query, variables, auth ? { auth } : {})

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    admin = await createTestUser(ctx.payload, 'admin')
    const day = 86_400_000
    const inDays = (days: number) => new Date(Date.now() + days * day).toISOString()
    for (const [index, title] of ['Upcoming webinar', 'Later training'].entries()) {
      await ctx.payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          title,
          startsAt: inDays(10 + index * 10),
          endsAt: inDays(10 + index * 10 + 1),
          timeZone: 'Asia/Baku',
          format: 'online',
          kind: 'webinar',
          country: 'AZ',
        },
        overrideAccess: true,
      })
    }
    await ctx.payload.create({
      collection: 'events',
      data: {
        _status: 'draft',
        title: 'Draft event',
        startsAt: inDays(5),
        endsAt: inDays(6),
        timeZone: 'Asia/Baku',
      },
      draft: true,
      overrideAccess: true,
    })
    await ctx.payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Draft news', tags: ['seminar'] },
      draft: true,
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('latestStatistics', () => {
    it('should answer the latest Azerbaijani figures per metric', async () => {
      const res = await gql(`{
        latestStatistics(country: "AZ") {
          scope { kind country }
          metrics { key value asOf approximate }
        }
      }`)
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data.latestStatistics).toEqual({
        scope: { kind: 'COUNTRY', country: 'AZ' },
        metrics: [
          { key: 'teachers', value: 4308, asOf: '2025-02-07', approximate: false },
          { key: 'schools', value: 1141, asOf: '2025-02-07', approximate: false },
          { key: 'projects', value: 5103, asOf: '2025-02-07', approximate: false },
        ],
      })
    })

    it('should pick, order and label metrics in the requested locale', async () => {
      const res = await gql(
        `query ($metrics: [String!]) {
          latestStatistics(country: "az", metrics: $metrics, locale: "uk") { locale metrics { key label } }
        }`,
        { metrics: ['projects', 'teachers'] },
      )
      expect(res.body.data.latestStatistics).toEqual({
        locale: 'uk',
        metrics: [
          { key: 'projects', label: 'Проєкти' },
          { key: 'teachers', label: 'Учителі' },
        ],
      })
    })

    it('should answer programme-wide figures with their source when no scope is given', async () => {
      const res = await gql(`{
        latestStatistics(metrics: ["projects"]) {
          scope { kind }
          metrics { value approximate source { title url } }
        }
      }`)
      expect(res.body.data.latestStatistics).toEqual({
        scope: { kind: 'PROGRAMME' },
        metrics: [
          {
            value: 160_000,
            approximate: true,
            source: { title: 'eTwinning Ukraine — About', url: 'https://etwinning.org.ua/about' },
          },
        ],
      })
    })

    it('should refuse country and organization together with a 400 error naming the argument', async () => {
      const res = await gql(`{ latestStatistics(country: "UA", organization: "k-pnu") { locale } }`)
      expect(res.status).toBe(200)
      expect(res.body.data).toBeNull()
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'Give "country" or "organization", not both: a statistic has one scope.',
        extensions: { statusCode: 400, data: { parameter: 'organization' } },
      })
    })

    it('should refuse an unknown metric with a clear message', async () => {
      const res = await gql(`{ latestStatistics(metrics: ["no-such-metric"]) { locale } }`)
      expect(res.body.errors?.[0]?.message).toBe(
        'No statistics exist for the metric "no-such-metric".',
      )
      expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    })
  })

  describe('statisticHistory', () => {
    it('should give the Azerbaijani teachers series, oldest first', async () => {
      const res = await gql(`{
        statisticHistory(metric: "teachers", country: "AZ") {
          metric { key label }
          points { asOf value }
        }
      }`)
      expect(res.body.data.statisticHistory).toEqual({
        metric: { key: 'teachers', label: 'Teachers' },
        points: [
          { asOf: '2023-05-15', value: 4180 },
          { asOf: '2025-02-07', value: 4308 },
        ],
      })
    })

    it('should refuse a malformed country code', async () => {
      const res = await gql(
        `{ statisticHistory(metric: "teachers", country: "Azerbaijan") { locale } }`,
      )
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('"country" must be an ISO 3166-1 alpha-2 code'),
        extensions: { statusCode: 400 },
      })
    })
  })

  describe('newsFeed', () => {
    it('should filter by organization and flatten the organization', async () => {
      const res = await gql(`{
        newsFeed(organization: "k-pnu") {
          items { slug publishedAt country tags organization { slug country } image { width } }
          pageInfo { hasNextPage nextCursor page limit }
        }
      }`)
      expect(res.body.data.newsFeed).toEqual({
        items: [
          {
            slug: 'etwinning-meeting-kamianets-podilskyi-2025',
            publishedAt: '2025-02-07T12:00:00.000Z',
            country: 'UA',
            tags: ['etwinning', 'professional-development'],
            organization: { slug: 'k-pnu', country: 'UA' },
            image: { width: 768 },
          },
        ],
        pageInfo: { hasNextPage: false, nextCursor: null, page: 1, limit: 5 },
      })
    })

    it('should filter by country in the requested locale', async () => {
      const res = await gql(`{ newsFeed(country: "AZ", locale: "uk") { locale items { title } } }`)
      expect(res.body.data.newsFeed).toEqual({
        locale: 'uk',
        items: [{ title: 'У Баку відбувся семінар eTwinning' }],
      })
    })

    it('should take any language tag and answer in the best content locale it has', async () => {
      const res = await gql(
        `{ ar: newsFeed(country: "AZ", locale: "ar") { locale items { locale } }
           uk: newsFeed(country: "AZ", locale: "uk-UA") { locale } }`,
      )
      expect(res.body.data).toEqual({
        ar: { locale: 'en', items: [{ locale: 'en' }] },
        uk: { locale: 'uk' },
      })
      const bad = await gql(`{ newsFeed(locale: "en_US") { locale } }`)
      expect(bad.body.errors?.[0]).toMatchObject({
        extensions: { statusCode: 400, data: { parameter: 'locale' } },
      })
    })

    it('should filter by tag and leave drafts out, even for an administrator', async () => {
      const res = await gql(`{ newsFeed(tag: "Seminar") { items { slug } } }`, {}, admin.auth)
      expect(res.body.data.newsFeed.items).toEqual([{ slug: 'etwinning-seminar-baku-2023' }])
    })

    it('should walk every page with the cursor without repeating an item', async () => {
      const all = await gql(`{ newsFeed(limit: 50) { items { id } } }`)
      const expected = all.body.data.newsFeed.items.map((item: { id: string }) => item.id)
      expect(expected.length).toBeGreaterThan(1)
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const res: Awaited<ReturnType<typeof gql>> = await gql(
          `query ($cursor: String) {
            newsFeed(limit: 1, cursor: $cursor) { items { id } pageInfo { nextCursor } }
          }`,
          { cursor },
        )
        seen.push(...res.body.data.newsFeed.items.map((item: { id: string }) => item.id))
        cursor = res.body.data.newsFeed.pageInfo.nextCursor
      } while (cursor)
      expect(seen).toEqual(expected)
    })

    it('should refuse a limit above the maximum', async () => {
      const res = await gql(`{ newsFeed(limit: 51) { locale } }`)
      expect(res.body.errors?.[0]).toMatchObject({
        message: '"limit" must be a whole number from 1 to 50.',
        extensions: { statusCode: 400, data: { parameter: 'limit' } },
      })
    })

    it('should refuse page and cursor together', async () => {
      const res = await gql(`{ newsFeed(page: 2, cursor: "abc") { locale } }`)
      expect(res.body.errors?.[0]?.message).toBe('Give "page" or "cursor", not both.')
    })

    it('should refuse a tampered cursor', async () => {
      const res = await gql(`{ newsFeed(cursor: "bm90LWEtY3Vyc29y") { locale } }`)
      expect(res.body.errors?.[0]?.extensions?.data?.parameter).toBe('cursor')
    })
  })

  describe('events', () => {
    it('should list upcoming published events soonest first, without drafts', async () => {
      const res = await gql(
        `{ upcomingEvents { items { title timeZone format kind country } pageInfo { hasNextPage } } }`,
        {},
        admin.auth,
      )
      expect(res.body.data.upcomingEvents).toEqual({
        items: [
          {
            title: 'Upcoming webinar',
            timeZone: 'Asia/Baku',
            format: 'online',
            kind: 'webinar',
            country: 'AZ',
          },
          {
            title: 'Later training',
            timeZone: 'Asia/Baku',
            format: 'online',
            kind: 'webinar',
            country: 'AZ',
          },
        ],
        pageInfo: { hasNextPage: false },
      })
    })

    it('should list past events, the seeded Baku seminar with its organizers', async () => {
      const res = await gql(`{
        pastEvents(locale: "az", country: "AZ") { items { title start city organizers { slug } } }
      }`)
      expect(res.body.data.pastEvents.items).toEqual([
        {
          title: '“İnnovasiya və Təhsil” beynəlxalq seminarı',
          start: '2023-05-15T05:00:00.000Z',
          city: 'Bakı',
          organizers: [{ slug: 'mse-azerbaijan' }, { slug: 'ict-bureau' }],
        },
      ])
    })

    it('should page upcoming events one at a time', async () => {
      const first = await gql(
        `{ upcomingEvents(limit: 1) { items { title } pageInfo { nextCursor } } }`,
      )
      const cursor = first.body.data.upcomingEvents.pageInfo.nextCursor
      expect(first.body.data.upcomingEvents.items).toEqual([{ title: 'Upcoming webinar' }])
      const second = await gql(
        `query ($cursor: String) { upcomingEvents(limit: 1, cursor: $cursor) { items { title } } }`,
        { cursor },
      )
      expect(second.body.data.upcomingEvents.items).toEqual([{ title: 'Later training' }])
    })

    it('should refuse "to" before "from"', async () => {
      const res = await gql(`{ pastEvents(from: "2025-01-02", to: "2025-01-01") { locale } }`)
      expect(res.body.errors?.[0]).toMatchObject({
        message: '"to" must not be before "from".',
        extensions: { statusCode: 400 },
      })
    })
  })
})
