import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { callFeed, TEST_HOST } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const V1 = '/api/etw/v1'

describeDb('public feed: JSON endpoints', () => {
  let ctx: IntContext
  const call = (url: string, options?: Parameters<typeof callFeed>[2]) =>
    callFeed(ctx.payload, url, options)
  /** Ids of the extra news created here, newest first. */
  const pagedIds: string[] = []

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const { payload } = ctx
    // Seven news tagged "paging", two of them published at the same instant (ties are broken by id).
    const times = [
      '2025-03-01T10:00:00.000Z',
      '2025-03-02T10:00:00.000Z',
      '2025-03-03T10:00:00.000Z',
      '2025-03-03T10:00:00.000Z',
      '2025-03-04T10:00:00.000Z',
      '2025-03-05T10:00:00.000Z',
      '2025-03-06T10:00:00.000Z',
    ]
    const created = []
    for (const [index, publishedAt] of times.entries()) {
      created.push(
        await payload.create({
          collection: 'news',
          data: { _status: 'published', publishedAt, tags: ['paging'], title: `Paging ${index}` },
          overrideAccess: true,
        }),
      )
    }
    pagedIds.push(
      ...created
        .sort((a, b) =>
          a.publishedAt === b.publishedAt
            ? Number(b.id) - Number(a.id)
            : String(b.publishedAt).localeCompare(String(a.publishedAt)),
        )
        .map((doc) => String(doc.id)),
    )
    const kpnu = await payload.find({
      collection: 'organizations',
      where: { slug: { equals: 'k-pnu' } },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'statistics',
      data: {
        metric: 'custom',
        customKey: 'partner-schools',
        label: 'Partner schools',
        value: 12,
        asOf: '2025-01-10',
        scope: 'organization',
        organization: kpnu.docs[0]?.id,
        country: 'UA',
      },
      overrideAccess: true,
    })
    const custom = await payload.find({
      collection: 'statistics',
      where: { key: { equals: 'partner-schools' } },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'statistics',
      id: custom.docs[0]!.id,
      data: { label: 'Школи-партнери' },
      locale: 'uk',
      overrideAccess: true,
    })
    const now = Date.now()
    const day = 86_400_000
    await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Upcoming webinar',
        startsAt: new Date(now + 10 * day).toISOString(),
        endsAt: new Date(now + 10 * day + 2 * 3_600_000).toISOString(),
        timeZone: 'Europe/Kyiv',
        format: 'online',
        kind: 'webinar',
        country: 'UA',
        participatingCountries: ['UA', 'PL'],
        registrationUrl: 'https://example.org/register',
      },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Later conference',
        startsAt: new Date(now + 40 * day).toISOString(),
        endsAt: new Date(now + 41 * day).toISOString(),
        timeZone: 'Asia/Baku',
        format: 'hybrid',
        kind: 'conference',
        country: 'AZ',
      },
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('stats', () => {
    it('should answer the seeded Azerbaijani figures, latest per metric', async () => {
      const res = await call(`${V1}/stats?country=AZ`)
      expect(res.status).toBe(200)
      expect(res.json.scope).toEqual({ kind: 'country', country: 'AZ' })
      expect(res.json.metrics.map((m: any) => [m.key, m.value, m.asOf, m.approximate])).toEqual([
        ['teachers', 4308, '2025-02-07', false],
        ['schools', 1141, '2025-02-07', false],
        ['projects', 5103, '2025-02-07', false],
      ])
    })

    it('should answer programme-wide figures without a scope parameter', async () => {
      const res = await call(`${V1}/stats`)
      expect(res.json.scope).toEqual({ kind: 'programme' })
      expect(res.json.metrics.map((m: any) => m.key)).toEqual([
        'teachers',
        'schools',
        'projects',
        'students',
        'countries',
      ])
      const projects = res.json.metrics.find((m: any) => m.key === 'projects')
      expect(projects).toMatchObject({ value: 160_000, approximate: true, asOf: '2025-01-01' })
      expect(projects.source).toEqual({
        title: 'eTwinning Ukraine — About',
        url: 'https://etwinning.org.ua/about',
      })
    })

    it('should label metrics in the requested locale', async () => {
      const res = await call(`${V1}/stats?country=AZ&locale=uk`)
      expect(res.json.locale).toBe('uk')
      expect(res.json.metrics.map((m: any) => m.label)).toEqual(['Учителі', 'Школи', 'Проєкти'])
    })

    it('should pick and order metrics as listed', async () => {
      const res = await call(`${V1}/stats?country=AZ&metrics=projects,teachers`)
      expect(res.json.metrics.map((m: any) => m.key)).toEqual(['projects', 'teachers'])
    })

    it('should answer an organization scope by slug, with the localized custom label', async () => {
      const res = await call(`${V1}/stats?organization=k-pnu&locale=uk`)
      expect(res.json.scope).toEqual({ kind: 'organization', organization: 'k-pnu' })
      expect(res.json.metrics).toEqual([
        expect.objectContaining({ key: 'partner-schools', label: 'Школи-партнери', value: 12 }),
      ])
    })

    it('should refuse an unknown metric, naming metrics', async () => {
      const res = await call(`${V1}/stats?metrics=teachers,no-such-metric`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'invalid_parameter', parameter: 'metrics' })
    })

    it('should refuse country and organization together', async () => {
      const res = await call(`${V1}/stats?country=UA&organization=k-pnu`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('organization')
    })

    it('should refuse an organization slug that does not exist', async () => {
      const res = await call(`${V1}/stats?organization=nobody`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('organization')
    })

    it('should refuse a malformed country code', async () => {
      const res = await call(`${V1}/stats?country=Azerbaijan`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('country')
    })
  })

  describe('stats/history', () => {
    it('should give the series of one metric, oldest first', async () => {
      const res = await call(`${V1}/stats/history?country=AZ&metric=projects`)
      expect(res.status).toBe(200)
      expect(res.json.metric).toEqual({ key: 'projects', label: 'Projects' })
      expect(res.json.points.map((p: any) => [p.asOf, p.value])).toEqual([
        ['2023-05-15', 4445],
        ['2025-02-07', 5103],
      ])
    })

    it('should require metric', async () => {
      const res = await call(`${V1}/stats/history?country=AZ`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'invalid_parameter', parameter: 'metric' })
    })

    it('should refuse metrics (the list parameter of stats)', async () => {
      const res = await call(`${V1}/stats/history?metric=projects&metrics=projects`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'unknown_parameter', parameter: 'metrics' })
    })
  })

  describe('news', () => {
    it('should list the latest published news, five by default, flattened', async () => {
      const res = await call(`${V1}/news`)
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({ limit: 5, page: 1, locale: 'en', hasNextPage: true })
      expect(res.json.items).toHaveLength(5)
      expect(res.json.items.map((item: any) => item.id)).toEqual(pagedIds.slice(0, 5))
      expect(typeof res.json.nextCursor).toBe('string')
    })

    it('should flatten image, organization and link of a seeded item', async () => {
      const res = await call(`${V1}/news?organization=k-pnu`)
      const [item] = res.json.items
      expect(item).toMatchObject({
        slug: 'etwinning-meeting-kamianets-podilskyi-2025',
        publishedAt: '2025-02-07T12:00:00.000Z',
        country: 'UA',
        tags: ['etwinning', 'professional-development'],
        organization: {
          slug: 'k-pnu',
          country: 'UA',
          name: 'Kamianets-Podilskyi National University, Office for International Cooperation',
        },
        link: `http://${TEST_HOST}/en/news/etwinning-meeting-kamianets-podilskyi-2025`,
        source: null,
      })
      expect(item.image.url).toMatch(new RegExp(`^http://${TEST_HOST}/media/[\\w-]{27}/.+\\.png$`))
      expect(item.image).toMatchObject({ width: 768, alt: expect.stringContaining('K-PNU') })
      expect(item.image.height).toBeGreaterThan(0)
    })

    it('should translate items into the requested locale', async () => {
      const res = await call(`${V1}/news?country=AZ&locale=uk`)
      expect(res.json.items.map((item: any) => item.title)).toEqual([
        'У Баку відбувся семінар eTwinning',
      ])
    })

    it('should fall back to the default locale where a translation is missing', async () => {
      const res = await call(`${V1}/news?organization=k-pnu&locale=az`)
      expect(res.json.items[0].title).toMatch(/^Discussion on eTwinning/)
    })

    it('should filter by tag', async () => {
      const res = await call(`${V1}/news?tag=Seminar`)
      expect(res.json.items.map((item: any) => item.slug)).toEqual(['etwinning-seminar-baku-2023'])
    })

    it('should filter by country', async () => {
      const res = await call(`${V1}/news?country=ua`)
      expect(res.json.items.map((item: any) => item.country)).toEqual(['UA'])
    })

    it('should walk every page with the cursor without repeating an item', async () => {
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const query: string = cursor ? `&cursor=${cursor}` : ''
        const res = await call(`${V1}/news?tag=paging&limit=2${query}`)
        expect(res.status).toBe(200)
        pages += 1
        expect(res.json.page).toBe(pages)
        seen.push(...res.json.items.map((item: any) => item.id))
        cursor = res.json.nextCursor
        expect(res.json.hasNextPage).toBe(cursor !== null)
      } while (cursor)
      expect(pages).toBe(4)
      expect(seen).toEqual(pagedIds)
    })

    it('should serve the same items by page number', async () => {
      const res = await call(`${V1}/news?tag=paging&limit=2&page=2`)
      expect(res.json.items.map((item: any) => item.id)).toEqual(pagedIds.slice(2, 4))
      expect(res.json.hasNextPage).toBe(true)
    })

    it('should accept the maximum limit', async () => {
      const res = await call(`${V1}/news?limit=50`)
      expect(res.status).toBe(200)
      expect(res.json.limit).toBe(50)
      expect(res.json.items).toHaveLength(9)
    })

    it.each([
      ['limit=51', 'limit'],
      ['limit=0', 'limit'],
      ['limit=five', 'limit'],
      ['page=0', 'page'],
      ['page=1&cursor=abc', 'cursor'],
      ['cursor=not-a-cursor', 'cursor'],
      ['locale=en_US', 'locale'],
      ['country=XX', 'country'],
      ['organization=Bad%20Slug', 'organization'],
      ['organization=nobody', 'organization'],
      ['tag=', 'tag'],
      ['limit=5&limit=6', 'limit'],
    ])('should answer 400 naming the parameter for %s', async (query, parameter) => {
      const res = await call(`${V1}/news?${query}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'invalid_parameter', parameter })
      expect(res.json.error.message).toEqual(expect.any(String))
    })

    it('should answer 400 unknown_parameter for a parameter it does not take', async () => {
      const res = await call(`${V1}/news?depth=2`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'unknown_parameter', parameter: 'depth' })
    })

    it('should refuse a cursor of the events list', async () => {
      const events = await call(`${V1}/events?limit=1`)
      const res = await call(`${V1}/news?cursor=${events.json.nextCursor}`)
      expect(res.status).toBe(400)
      expect(res.json.error.parameter).toBe('cursor')
    })
  })

  describe('events', () => {
    it('should list upcoming events by default, soonest first', async () => {
      const res = await call(`${V1}/events`)
      expect(res.status).toBe(200)
      expect(res.json.when).toBe('upcoming')
      expect(res.json.items.map((item: any) => item.title)).toEqual([
        'Upcoming webinar',
        'Later conference',
      ])
    })

    it('should describe an event with ISO instants, its time zone and an .ics link', async () => {
      const res = await call(`${V1}/events?limit=1`)
      const [item] = res.json.items
      expect(item).toMatchObject({
        timeZone: 'Europe/Kyiv',
        format: 'online',
        kind: 'webinar',
        country: 'UA',
        participatingCountries: ['UA', 'PL'],
        registrationUrl: 'https://example.org/register',
        registrationDeadline: null,
        organizers: [],
        icsUrl: `http://${TEST_HOST}/api/etw/v1/events.ics?id=${item.id}`,
      })
      expect(item.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(Date.parse(item.end)).toBeGreaterThan(Date.parse(item.start))
      expect(res.json.hasNextPage).toBe(true)
    })

    it('should list past events, the seeded Baku seminar with its organizers', async () => {
      const res = await call(`${V1}/events?when=past&locale=az`)
      expect(res.json.items).toHaveLength(1)
      expect(res.json.items[0]).toMatchObject({
        title: '“İnnovasiya və Təhsil” beynəlxalq seminarı',
        timeZone: 'Asia/Baku',
        start: '2023-05-15T05:00:00.000Z',
        city: 'Bakı',
      })
      expect(res.json.items[0].organizers.map((o: any) => o.slug)).toEqual([
        'mse-azerbaijan',
        'ict-bureau',
      ])
    })

    it('should list all events chronologically', async () => {
      const res = await call(`${V1}/events?when=all`)
      expect(res.json.items.map((item: any) => item.title)).toEqual([
        'International seminar “Innovation and Education”',
        'Upcoming webinar',
        'Later conference',
      ])
    })

    it('should keep events that overlap from/to', async () => {
      const res = await call(`${V1}/events?when=all&from=2023-05-16&to=2023-05-16`)
      expect(res.json.items.map((item: any) => item.start)).toEqual(['2023-05-15T05:00:00.000Z'])
    })

    it('should filter by country', async () => {
      const res = await call(`${V1}/events?country=AZ`)
      expect(res.json.items.map((item: any) => item.title)).toEqual(['Later conference'])
    })

    it('should page with the cursor', async () => {
      const first = await call(`${V1}/events?limit=1`)
      const second = await call(`${V1}/events?limit=1&cursor=${first.json.nextCursor}`)
      expect(second.json.items.map((item: any) => item.title)).toEqual(['Later conference'])
      expect(second.json).toMatchObject({ page: 2, hasNextPage: false, nextCursor: null })
    })

    it.each([
      ['when=soon', 'when'],
      ['from=yesterday', 'from'],
      ['to=2025-02-30', 'to'],
      ['from=2025-05-02&to=2025-05-01', 'to'],
      ['limit=100', 'limit'],
    ])('should answer 400 naming the parameter for %s', async (query, parameter) => {
      const res = await call(`${V1}/events?${query}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'invalid_parameter', parameter })
    })

    it('should refuse a parameter of another endpoint', async () => {
      const res = await call(`${V1}/events?tag=seminar`)
      expect(res.json.error).toMatchObject({ code: 'unknown_parameter', parameter: 'tag' })
    })
  })

  describe('health', () => {
    it('should report the database as reachable', async () => {
      const res = await call('/api/health')
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({ status: 'ok', database: 'ok' })
      expect(res.json.uptime).toBeGreaterThanOrEqual(0)
      expect(res.headers['cache-control']).toBe('no-store')
    })

    it('should answer 503 when the database does not answer', async () => {
      const spy = vi.spyOn(ctx.payload, 'find').mockRejectedValueOnce(new Error('connection lost'))
      try {
        const res = await call('/api/health')
        expect(res.status).toBe(503)
        expect(res.json).toMatchObject({ status: 'degraded', database: 'unreachable' })
      } finally {
        spy.mockRestore()
      }
    })
  })
})
