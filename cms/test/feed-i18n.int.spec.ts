import { afterAll, beforeAll, expect, it } from 'vitest'

import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const V1 = '/api/etw/v1'

/** What Node's full ICU writes, which the feed must send for readers whose browser lacks it. */
const number = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value)
const date = (locale: string, iso: string, timeZone = 'UTC') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso))

describeDb('public feed: formatted values and the locale each text came in', () => {
  let ctx: IntContext
  const call = (url: string) => callFeed(ctx.payload, url)
  const PUBLISHED = '2023-05-15T10:00:00.000Z'

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const { payload } = ctx
    await payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        publishedAt: PUBLISHED,
        tags: ['i18n'],
        title: 'Only in English',
        summary: 'An English summary.',
      },
      overrideAccess: true,
    })
    const both = await payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        publishedAt: '2023-05-16T10:00:00.000Z',
        tags: ['i18n'],
        title: 'In both languages',
      },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'news',
      id: both.id,
      data: { title: 'Hər iki dildə' },
      locale: 'az',
      overrideAccess: true,
    })
    await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Baku seminar for formatting',
        startsAt: '2031-05-15T05:00:00.000Z',
        endsAt: '2031-05-17T14:00:00.000Z',
        timeZone: 'Asia/Baku',
        format: 'in-person',
        kind: 'seminar',
        city: 'Baku',
        country: 'AZ',
        participatingCountries: ['AZ', 'UA', 'GE'],
      },
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should send each figure and its date formatted in the requested locale', async () => {
    const res = await call(`${V1}/stats?country=AZ&locale=az`)
    expect(res.status).toBe(200)
    expect(res.json.metrics.length).toBeGreaterThan(0)
    for (const metric of res.json.metrics) {
      expect(metric.formatted).toEqual({
        value: number('az', metric.value),
        asOf: date('az', metric.asOf),
      })
    }
    // Azerbaijani groups with a dot; a browser without its data would write "4,308".
    const teachers = res.json.metrics.find((metric: any) => metric.key === 'teachers')
    expect(teachers.formatted.value).toMatch(/^\d\.\d{3}$/)
  })

  it('should mark a news item served in the default locale when it has no title in the requested one', async () => {
    const res = await call(`${V1}/news?tag=i18n&locale=az`)
    expect(res.status).toBe(200)
    expect(res.json.items.map((item: any) => ({ title: item.title, locale: item.locale }))).toEqual(
      [
        { title: 'Hər iki dildə', locale: 'az' },
        { title: 'Only in English', locale: 'en' },
      ],
    )
    expect(res.json.locale).toBe('az')
    expect(res.json.items[1].formatted).toEqual({ publishedAt: date('az', PUBLISHED) })
    expect(res.json.items[1].formatted.publishedAt).toBe('15 may 2023')
  })

  it('should serve the default locale for a language it has no content in, and say so', async () => {
    const english = await call(`${V1}/news?tag=i18n&locale=en&limit=7`)
    const res = await call(`${V1}/news?tag=i18n&locale=ar&limit=7`)
    expect(res.status).toBe(200)
    expect(res.headers['content-language']).toBe('en')
    expect(res.json.locale).toBe('en')
    expect(res.json.items.map((item: any) => item.locale)).toEqual(['en', 'en'])
    // `ar` and `en` give the same content: one cache entry, one entity tag.
    expect(res.headers['x-etw-cache']).toBe('hit')
    expect(res.headers.etag).toBe(english.headers.etag)
  })

  it("should serve a tag's language when it has no content locale for its region", async () => {
    const res = await call(`${V1}/stats?country=AZ&locale=az-Latn-AZ`)
    expect(res.status).toBe(200)
    expect(res.headers['content-language']).toBe('az')
    expect(res.json.locale).toBe('az')
    const item = await call(`${V1}/events?when=upcoming&country=AZ&locale=EL&limit=50`)
    expect(item.headers['content-language']).toBe('en')
    expect(item.json.locale).toBe('en')
  })

  it.each(['en_US', 'a', `en-${'x'.repeat(40)}`, 'ar!'])(
    'should refuse locale=%s, which is not a language tag, naming it',
    async (value) => {
      const res = await call(`${V1}/news?locale=${encodeURIComponent(value)}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatchObject({ code: 'invalid_parameter', parameter: 'locale' })
    },
  )

  it('should mark every item with the requested locale when it is the default one', async () => {
    const res = await call(`${V1}/news?tag=i18n&locale=en`)
    expect(res.json.items.map((item: any) => item.locale)).toEqual(['en', 'en'])
    expect(res.json.items[1].formatted.publishedAt).toBe(date('en', PUBLISHED))
  })

  it("should format an article's dates in the requested locale while it says its texts are English", async () => {
    const list = await call(`${V1}/news?tag=i18n&locale=az`)
    const slug = list.json.items[1].slug
    const res = await call(`${V1}/news/${slug}?locale=az`)
    expect(res.status).toBe(200)
    expect(res.json.locale).toBe('en')
    expect(res.json.title).toBe('Only in English')
    expect(res.json.formatted).toEqual({ publishedAt: '15 may 2023' })
  })

  it("should send an event's date range, country and participating countries in the requested locale", async () => {
    const res = await call(`${V1}/events?when=upcoming&country=AZ&locale=az&limit=50`)
    const event = res.json.items.find((item: any) => item.title === 'Baku seminar for formatting')
    expect(event.locale).toBe('en')
    expect(event.countryName).toBe(new Intl.DisplayNames(['az'], { type: 'region' }).of('AZ'))
    expect(event.countryName).toBe('Azərbaycan')
    expect(event.formatted.participatingCountries).toBe(
      new Intl.ListFormat('az').format(
        ['AZ', 'UA', 'GE'].map((code) =>
          new Intl.DisplayNames(['az'], { type: 'region' }).of(code)!,
        ),
      ),
    )
    expect(event.formatted.range).toBe(
      new Intl.DateTimeFormat('az', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone: 'Asia/Baku',
      }).formatRange(new Date('2031-05-15T05:00:00.000Z'), new Date('2031-05-17T14:00:00.000Z')),
    )
    expect(event.formatted.range).toContain('2031')
    expect(event.formatted.range).not.toMatch(/M05/)
  })
})
