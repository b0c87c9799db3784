import { parse } from 'node-html-parser'
import Parser from 'rss-parser'
import ICAL from 'ical.js'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { afterSettle } from './helpers/feed'
import type { TestHttpServer } from './helpers/http'
import { startHttpServer } from './helpers/http'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

/** An RSS item as the tests read it: its full text and its enclosure. */
type RssItem = {
  'content:encoded'?: string
  enclosure?: { url: string; length: string; type: string }
}

const LOCALES = ['en', 'uk', 'az'] as const
const NEWS = {
  'etwinning-meeting-kamianets-podilskyi-2025': {
    en: /^Discussion on eTwinning/,
    uk: /eTwinning/,
    az: /^Discussion on eTwinning/,
  },
  'etwinning-seminar-baku-2023': {
    en: /^eTwinning Seminar was held in Baku$/,
    uk: /^У Баку відбувся семінар eTwinning$/,
    az: /^Bakıda eTwinning seminarı keçirildi$/,
  },
} as const
const EVENT = 'innovation-and-education-baku-2023'
const EVENT_TITLES = {
  en: 'International seminar “Innovation and Education”',
  uk: 'Міжнародний семінар «Інновації та освіта»',
  az: '“İnnovasiya və Təhsil” beynəlxalq seminarı',
} as const

describeDb('public pages', () => {
  let ctx: IntContext
  let server: TestHttpServer
  let draftSlug = ''
  let scheduledSlug = ''

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
    const text = await response.text()
    return { response, text, dom: parse(text) }
  }
  const jsonLd = (dom: ReturnType<typeof parse>) =>
    JSON.parse(dom.querySelector('script[type="application/ld+json"]')!.textContent)

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    server = await startHttpServer(ctx.payload, ctx.config)
    const draft = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Secret draft page' },
      draft: true,
      overrideAccess: true,
    })
    draftSlug = String(draft.slug)
    const scheduled = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Scheduled page', publishedAt: '2099-01-01T00:00:00.000Z' },
      draft: true,
      overrideAccess: true,
    })
    scheduledSlug = String(scheduled.slug)
  })

  afterAll(async () => {
    await server?.close()
    await ctx?.close()
  })

  it.each(
    Object.entries(NEWS).flatMap(([slug, titles]) =>
      LOCALES.map((locale) => ({ locale, slug, title: titles[locale] })),
    ),
  )(
    'should serve the news page /$locale/news/$slug with its localized title, canonical and hreflang',
    async ({ locale, slug, title }) => {
      const { response, dom } = await get(`/${locale}/news/${slug}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(dom.querySelector('h1')!.textContent).toMatch(title)
      // Texts from the CMS take the direction of their own words (an English quotation on an
      // Arabic page), the page the direction of its language.
      expect(dom.querySelector('html')!.getAttribute('dir')).toBe('ltr')
      expect(dom.querySelector('h1')!.getAttribute('dir')).toBe('auto')
      const blocks = dom.querySelectorAll('.body > *:not(figure)')
      expect(blocks.length).toBeGreaterThan(0)
      expect(blocks.map((block) => block.getAttribute('dir'))).toEqual(blocks.map(() => 'auto'))
      expect(dom.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        `${server.url}/${locale}/news/${slug}`,
      )
      const alternates = dom
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])
      expect(alternates).toEqual([
        ...LOCALES.map((code) => [code, `${server.url}/${code}/news/${slug}`]),
        ['x-default', `${server.url}/en/news/${slug}`],
      ])
    },
  )

  it.each(LOCALES.map((locale) => ({ locale })))(
    'should serve the event page in $locale with its localized title',
    async ({ locale }) => {
      const { response, dom } = await get(`/${locale}/events/${EVENT}`)
      expect(response.status).toBe(200)
      expect(dom.querySelector('h1')!.textContent).toBe(EVENT_TITLES[locale])
      expect(dom.querySelector('html')!.getAttribute('lang')).toBe(locale)
      expect(dom.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        `${server.url}/${locale}/events/${EVENT}`,
      )
    },
  )

  it('should mark fallback content with its real language', async () => {
    const { dom } = await get('/az/news/etwinning-meeting-kamianets-podilskyi-2025')
    expect(dom.querySelector('html')!.getAttribute('lang')).toBe('en')
    expect(dom.querySelector('header.site')!.getAttribute('lang')).toBe('az')
  })

  it('should give a NewsArticle JSON-LD with the properties Google requires', async () => {
    const { dom } = await get('/uk/news/etwinning-seminar-baku-2023')
    const data = jsonLd(dom)
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'У Баку відбувся семінар eTwinning',
      datePublished: '2023-05-15T12:00:00.000Z',
      publisher: { '@type': 'Organization', name: expect.any(String) },
    })
    expect(Date.parse(data.dateModified)).not.toBeNaN()
    expect(data.image[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/media\/file\//)
  })

  it('should give an Event JSON-LD with the properties Google requires', async () => {
    const { dom } = await get(`/en/events/${EVENT}`)
    expect(jsonLd(dom)).toMatchObject({
      '@type': 'Event',
      name: EVENT_TITLES.en,
      startDate: '2023-05-15T05:00:00.000Z',
      endDate: expect.any(String),
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', address: { addressCountry: 'AZ' } },
      organizer: { '@type': 'Organization', name: expect.any(String) },
    })
  })

  it('should show event times in the event’s zone with the zone named', async () => {
    const { dom } = await get(`/en/events/${EVENT}`)
    const when = dom.querySelector('dl.facts dd')!.textContent
    expect(when).toContain('May 15, 2023, 9:00 AM GMT+4')
    expect(when).toContain('Asia/Baku')
    expect(dom.querySelector('dl.facts')!.textContent).toContain('Bulgaria')
    // The long date and the time joined as each language joins them in its medium date-time,
    // not by CLDR's long joint, a slash in Azerbaijani (`15 may 2023/09:00`).
    const whenIn = async (locale: string) =>
      (await get(`/${locale}/events/${EVENT}`)).dom.querySelector('dl.facts dd')!.textContent
    expect(await whenIn('az')).toContain('15 may 2023, 09:00 GMT+4')
    expect(await whenIn('uk')).toContain('15 травня 2023 р., 09:00 GMT+4')
  })

  it('should offer the event as an .ics file and as Google and Outlook links', async () => {
    const { dom } = await get(`/en/events/${EVENT}`)
    const hrefs = dom.querySelectorAll('.actions a').map((a) => a.getAttribute('href') ?? '')
    expect(hrefs[0]).toMatch(/\/api\/etw\/v1\/events\.ics\?id=\d+&locale=en$/)
    expect(hrefs[1]).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/)
    expect(hrefs[2]).toMatch(/^https:\/\/outlook\.live\.com\/calendar\/0\/deeplink\/compose\?/)
  })

  it('should answer 404 for drafts and scheduled items on every page, list and sitemap', async () => {
    for (const path of [`/en/news/${draftSlug}`, `/uk/news/${scheduledSlug}`]) {
      const { response } = await get(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    }
    for (const path of ['/en/news', '/en', '/sitemap-news-1.xml']) {
      const { text } = await get(path)
      expect(text, path).not.toContain(draftSlug)
      expect(text, path).not.toContain('Secret draft page')
      expect(text, path).not.toContain(scheduledSlug)
    }
  })

  it('should redirect an earlier slug with 301 to the current one', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Moving page', slug: 'old-address' },
      overrideAccess: true,
    })
    await ctx.payload.update({
      collection: 'news',
      id: doc.id,
      data: { slug: 'new-address' },
      overrideAccess: true,
    })
    const { response } = await get('/uk/news/old-address')
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('/uk/news/new-address')
  })

  it('should redirect /news/{slug} to the reader’s best locale', async () => {
    const { response } = await get('/news/etwinning-seminar-baku-2023', {
      'accept-language': 'fr;q=1, uk-UA;q=0.8, en;q=0.5',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/uk/news/etwinning-seminar-baku-2023')
    const fallback = await get('/news/etwinning-seminar-baku-2023')
    expect(fallback.response.headers.get('location')).toBe('/en/news/etwinning-seminar-baku-2023')
  })

  it('should answer an unknown locale with 404 and links to the locales that exist', async () => {
    const { response, dom } = await get('/fr/news/etwinning-seminar-baku-2023')
    expect(response.status).toBe(404)
    expect(dom.querySelectorAll('main li a').map((a) => a.getAttribute('href'))).toEqual([
      '/en',
      '/uk',
      '/az',
    ])
  })

  it('should answer bad list parameters with a 400 page, never a 500', async () => {
    for (const query of ['page=0', 'page=abc', 'country=XX', 'organization=no-such-org', 'tag=']) {
      const { response, dom } = await get(`/en/news?${query}`)
      expect(response.status, query).toBe(400)
      expect(dom.querySelector('h1')!.textContent).toBe('This address is not valid')
    }
    expect((await get('/en/events?when=soon')).response.status).toBe(400)
  })

  it('should list news filtered by country and events upcoming or past', async () => {
    const news = await get('/uk/news?country=AZ')
    expect(news.dom.querySelectorAll('ul.items h2').map((h) => h.textContent)).toEqual([
      'У Баку відбувся семінар eTwinning',
    ])
    const past = await get('/en/events?when=past')
    expect(past.dom.querySelector('ul.items h2 a')!.getAttribute('href')).toBe(
      `/en/events/${EVENT}`,
    )
    expect(past.dom.querySelector('a[href^="webcal://"]')!.getAttribute('href')).toMatch(
      /^webcal:\/\/127\.0\.0\.1:\d+\/api\/etw\/v1\/events\.ics\?locale=en$/,
    )
  })

  it('should show the latest news and the programme counters on the home page', async () => {
    const { response, dom } = await get('/')
    expect(response.status).toBe(200)
    expect(dom.querySelectorAll('.counters li').length).toBeGreaterThan(0)
    expect(dom.querySelectorAll('section ul.items li').length).toBeGreaterThan(0)
    expect(dom.querySelector('link[type="application/rss+xml"]')!.getAttribute('href')).toMatch(
      /\/api\/etw\/v1\/news\.rss\?locale=en$/,
    )
  })

  it('should revalidate with ETag and 304 and allow shared caches', async () => {
    const first = await get('/en/news/etwinning-seminar-baku-2023')
    expect(first.response.headers.get('cache-control')).toMatch(
      /s-maxage=\d+, stale-while-revalidate=\d+/,
    )
    const etag = first.response.headers.get('etag')!
    const second = await get('/en/news/etwinning-seminar-baku-2023', { 'if-none-match': etag })
    expect(second.response.status).toBe(304)
  })

  it('should show an edit after the change invalidates the cache', async () => {
    const before = await get('/en/news?tag=seminar')
    expect(before.text).toContain('eTwinning Seminar was held in Baku')
    const { docs } = await ctx.payload.find({
      collection: 'news',
      where: { slug: { equals: 'etwinning-seminar-baku-2023' } },
      overrideAccess: true,
    })
    await ctx.payload.update({
      collection: 'news',
      id: docs[0]!.id,
      data: { title: 'Edited seminar title' },
      locale: 'en',
      overrideAccess: true,
    })
    await afterSettle()
    const after = await get('/en/news/etwinning-seminar-baku-2023')
    expect(after.dom.querySelector('h1')!.textContent).toBe('Edited seminar title')
    await ctx.payload.update({
      collection: 'news',
      id: docs[0]!.id,
      data: { title: 'eTwinning Seminar was held in Baku' },
      locale: 'en',
      overrideAccess: true,
    })
    await afterSettle()
  })

  it('should give a sitemap with hreflang alternates and lastmod, and a robots.txt naming it', async () => {
    const index = await get('/sitemap.xml')
    expect(index.text.replace(/\s*>/g, '>')).toContain(
      `<loc>${server.url}/sitemap-news-1.xml</loc>`,
    )
    const news = await get('/sitemap-news-1.xml')
    expect(news.response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    // Whitespace inside tags is insignificant in XML.
    const xml = news.text.replace(/\s+/g, ' ').replace(/\s*(\/?>)/g, '$1')
    expect(xml).toContain(`<loc>${server.url}/uk/news/etwinning-seminar-baku-2023</loc>`)
    expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/)
    expect(xml).toContain(
      `<xhtml:link rel="alternate" hreflang="az" href="${server.url}/az/news/etwinning-seminar-baku-2023"/>`,
    )
    const robots = await get('/robots.txt')
    expect(robots.text).toContain(`Sitemap: ${server.url}/sitemap.xml`)
    expect(robots.text).toContain('Disallow: /admin')
  })

  it('should give every link of the feed, GraphQL, RSS and iCalendar as a readable page', async () => {
    const links = new Set<string>()
    const news = await (await fetch(`${server.url}/api/etw/v1/news?limit=50&locale=uk`)).json()
    for (const item of news.items) links.add(item.link)
    const events = await (await fetch(`${server.url}/api/etw/v1/events?when=all&locale=az`)).json()
    for (const item of events.items) links.add(item.link)
    const graphql = await ctx.api.graphql(
      '{ newsFeed(limit: 50) { items { link } } pastEvents { items { link } } }',
    )
    for (const item of graphql.body.data.newsFeed.items) links.add(item.link)
    for (const item of graphql.body.data.pastEvents.items) links.add(item.link)
    const enclosures: { url: string; length: string; type: string }[] = []
    for (const locale of LOCALES) {
      const rss = await new Parser<object, RssItem>({
        customFields: { item: ['enclosure'] },
      }).parseString(
        await (await fetch(`${server.url}/api/etw/v1/news.rss?locale=${locale}`)).text(),
      )
      links.add(rss.link!)
      for (const item of rss.items) {
        links.add(item.link!)
        if (item.enclosure) enclosures.push(item.enclosure)
        // The article's own links that lead to this site's pages (an item without text has none).
        for (const anchor of parse(item['content:encoded'] ?? '').querySelectorAll('a[href]')) {
          const href = anchor.getAttribute('href')!
          if (href.startsWith(server.url)) links.add(href)
        }
      }
    }
    const ics = new ICAL.Component(
      ICAL.parse(await (await fetch(`${server.url}/api/etw/v1/events.ics?when=all`)).text()),
    )
    for (const event of ics.getAllSubcomponents('vevent'))
      links.add(String(event.getFirstPropertyValue('url')))
    expect(links.size).toBeGreaterThan(4)
    for (const link of links) {
      // GraphQL's links are made from the request's origin, which its test client does not have.
      const url = link.startsWith('/')
        ? `${server.url}${link}`
        : link.replace(/^http:\/\/[^/]+/, server.url)
      const response = await fetch(url)
      expect(response.status, link).toBe(200)
      expect(response.headers.get('content-type'), link).toBe('text/html; charset=utf-8')
    }
    expect(enclosures.length).toBeGreaterThan(0)
    for (const enclosure of enclosures) {
      const response = await fetch(enclosure.url)
      expect(response.status, enclosure.url).toBe(200)
      expect(response.headers.get('content-type'), enclosure.url).toBe(enclosure.type)
      expect((await response.arrayBuffer()).byteLength, enclosure.url).toBe(
        Number(enclosure.length),
      )
    }
  })

  it('should serve one stylesheet with light and dark colours, print and logical properties', async () => {
    const { response, text } = await get('/etw-site.css')
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(text).toContain('prefers-color-scheme:dark')
    // Paper is black on white, whatever the visitor's colour scheme.
    expect(text).toMatch(/@media print\{:root\{color-scheme:light;--bg:#fff;--fg:#000/)
    expect(text).not.toMatch(/margin-left|padding-right|text-align:\s*left/)
  })

  it('should name an icon that it serves, so that a visit asks for no /favicon.ico', async () => {
    const { dom } = await get('/en/news')
    const icon = dom.querySelector('link[rel="icon"]')
    expect(icon?.getAttribute('type')).toBe('image/svg+xml')
    const { response, text } = await get(icon!.getAttribute('href')!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })
})
