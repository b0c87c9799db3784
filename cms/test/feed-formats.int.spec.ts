import { execFileSync } from 'node:child_process'

import { getFeed } from '@etw/payload-plugin'
import { parse as parseHtml } from 'node-html-parser'
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { pageText } from '../../packages/payload-plugin/src/pages/text'
import { callFeed, TEST_HOST } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

/** An RSS item as the tests read it: its full text and its enclosure. */
type RssItem = {
  'content:encoded'?: string
  enclosure?: { url: string; length: string; type: string }
}

const V1 = '/api/etw/v1'

/** Debian's feedparser, the parser many feed readers are built on: the feed as it reads it. */
const feedparser = (xml: string) =>
  JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        `import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({'bozo': bool(d.bozo), 'language': d.feed.get('language'), 'link': d.feed.get('link'),
  'items': [{'link': e.get('link'), 'id': e.get('id'),
    'content': [c['value'] for c in e.get('content', [])],
    'enclosures': [dict(l) for l in e.get('links', []) if l.get('rel') == 'enclosure']}
  for e in d.entries]}))`,
      ],
      { input: xml, encoding: 'utf8' },
    ),
  ) as {
    bozo: boolean
    language: string
    link: string
    items: {
      link: string
      id: string
      content: string[]
      enclosures: { href: string; length: string; type: string }[]
    }[]
  }

const LONG_SUMMARY = `${'Teachers from Baku, Ganja and Sumqayit; '.repeat(5)}end`.slice(0, 200)

describeDb('public feed: RSS and iCalendar', () => {
  let ctx: IntContext
  let trickyId: string
  const call = (url: string) => callFeed(ctx.payload, url)
  const parseRss = async (url: string) => new Parser().parseString((await call(url)).text)
  const parseIcs = async (url: string) => {
    const res = await call(url)
    return { res, calendar: new ICAL.Component(ICAL.parse(res.text)) }
  }

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const start = Date.now() + 7 * 86_400_000
    const tricky = await ctx.payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        title: 'Seminar, part 1; Baku\nday two',
        summary: LONG_SUMMARY,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3 * 3_600_000).toISOString(),
        timeZone: 'Asia/Baku',
        format: 'in-person',
        kind: 'seminar',
        venue: 'ADA University',
        country: 'AZ',
      },
      overrideAccess: true,
    })
    trickyId = String(tricky.id)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should publish news as RSS 2.0 that a feed reader parses', async () => {
    const feed = await parseRss(`${V1}/news.rss`)
    expect(feed.items.map((item) => item.title)).toEqual([
      expect.stringMatching(/^Discussion on eTwinning/),
      'eTwinning Seminar was held in Baku',
    ])
    const [item] = feed.items
    expect(item?.link).toBe(
      `http://${TEST_HOST}/en/news/etwinning-meeting-kamianets-podilskyi-2025`,
    )
    expect(item?.guid).toBe(item?.link)
    expect(item?.pubDate).toBe('Fri, 07 Feb 2025 12:00:00 GMT')
    expect(item?.contentSnippet).toMatch(/^eTwinning was discussed at a meeting/)
  })

  it('should carry each whole article as HTML in content:encoded, and its cover as an enclosure', async () => {
    const xml = (await call(`${V1}/news.rss`)).text
    const feed = await new Parser<object, RssItem>({
      customFields: { item: ['enclosure'] },
    }).parseString(xml)
    const item = feed.items.find((entry) => entry.title === 'eTwinning Seminar was held in Baku')!
    const body = parseHtml(item['content:encoded']!)
    expect(body.querySelectorAll('p').length).toBeGreaterThan(1)
    expect(body.textContent).toMatch(/Baku/)
    expect(body.querySelector('script, [style], [onerror]')).toBeNull()
    expect(item.enclosure).toEqual({
      length: expect.stringMatching(/^[1-9]\d*$/),
      type: expect.stringMatching(/^image\/(jpeg|png|webp|avif)$/),
      url: expect.stringMatching(new RegExp(`^http://${TEST_HOST}/media/[\\w-]{27}/`)),
    })
  })

  it('should be read by feedparser with full text, enclosures and permalink guids', async () => {
    const xml = (await call(`${V1}/news.rss?locale=uk`)).text
    const feed = feedparser(xml)
    expect(feed.bozo).toBe(false)
    expect(feed.language).toBe('uk')
    expect(feed.link).toBe(`http://${TEST_HOST}/uk/news`)
    expect(feed.items).toHaveLength(2)
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^http://${TEST_HOST}/uk/news/`))
      expect(item.id).toBe(item.link)
      expect(xml).toContain(`<guid isPermaLink="true">${item.id}</guid>`)
      expect(item.content[0]).toMatch(/<p[ >]/)
      expect(item.enclosures).toEqual([
        expect.objectContaining({ length: expect.stringMatching(/^[1-9]/) }),
      ])
    }
  })

  it('should give the news list page of the locale, with the filters, as the channel link', async () => {
    const feed = await parseRss(`${V1}/news.rss?locale=az&country=AZ`)
    expect(feed.link).toBe(`http://${TEST_HOST}/az/news?country=AZ`)
    expect(feed.title).toBe(`eTwinning Hub — ${pageText('az', 'pageNews')}`)
    expect(feed.description).toBe(pageText('az', 'pageLatestNews'))
  })

  it('should link the RSS feed to itself with atom:self', async () => {
    const feed = await parseRss(`${V1}/news.rss?locale=uk&country=AZ`)
    expect(feed.feedUrl).toBe(`http://${TEST_HOST}${V1}/news.rss?country=AZ&locale=uk`)
  })

  it('should translate the RSS feed and apply its filters', async () => {
    const feed = await parseRss(`${V1}/news.rss?locale=uk&country=AZ`)
    expect(feed.language).toBe('uk')
    expect(feed.items.map((item) => item.title)).toEqual(['У Баку відбувся семінар eTwinning'])
  })

  it('should refuse paging parameters on the RSS feed', async () => {
    const res = await call(`${V1}/news.rss?cursor=abc`)
    expect(res.status).toBe(400)
    expect(res.json.error).toMatchObject({ code: 'unknown_parameter', parameter: 'cursor' })
  })

  it('should publish events as iCalendar with one VEVENT each', async () => {
    const { calendar } = await parseIcs(`${V1}/events.ics?when=all`)
    const events = calendar.getAllSubcomponents('vevent')
    expect(events).toHaveLength(2)
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual([
      expect.stringMatching(new RegExp(`^\\d+@${TEST_HOST.replaceAll('.', '\\.')}$`)),
      `${trickyId}@${TEST_HOST}`,
    ])
    for (const event of events) expect(event.getFirstProperty('dtstamp')).toBeTruthy()
  })

  it('should give start and end in the event’s time zone, with its VTIMEZONE', async () => {
    const { calendar } = await parseIcs(`${V1}/events.ics?when=past`)
    const [event] = calendar.getAllSubcomponents('vevent')
    const start = event!.getFirstProperty('dtstart')!
    expect(start.getParameter('tzid')).toBe('Asia/Baku')
    expect(String(start.getFirstValue())).toBe('2023-05-15T09:00:00')
    expect(String(event!.getFirstProperty('dtend')!.getFirstValue())).toBe('2023-05-17T18:00:00')
    const zones = calendar.getAllSubcomponents('vtimezone')
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Asia/Baku'])
  })

  it('should resolve the event start to the right instant', async () => {
    const { calendar } = await parseIcs(`${V1}/events.ics?when=past`)
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.startDate.toJSDate().toISOString()).toBe('2023-05-15T05:00:00.000Z')
  })

  it('should escape commas, semicolons and newlines in the summary', async () => {
    const { res, calendar } = await parseIcs(`${V1}/events.ics?id=${trickyId}`)
    expect(res.text).toContain('SUMMARY:Seminar\\, part 1\\; Baku\\nday two')
    const [event] = calendar.getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('summary')).toBe('Seminar, part 1; Baku\nday two')
    expect(event!.getFirstPropertyValue('location')).toBe('ADA University, Azerbaijan')
  })

  it('should fold a long description into lines of at most 75 octets', async () => {
    const { res, calendar } = await parseIcs(`${V1}/events.ics?id=${trickyId}`)
    const lines = res.text.split('\r\n')
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    const [event] = calendar.getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('description')).toBe(LONG_SUMMARY)
  })

  it('should give one event for id, even when it is over', async () => {
    const { calendar } = await parseIcs(`${V1}/events.ics?when=past`)
    const pastUid = String(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'))
    const id = pastUid.split('@')[0]
    const single = await parseIcs(`${V1}/events.ics?id=${id}`)
    expect(single.calendar.getAllSubcomponents('vevent')).toHaveLength(1)
  })

  it('should answer 404 for the id of no published event', async () => {
    const res = await call(`${V1}/events.ics?id=999999`)
    expect(res.status).toBe(404)
    expect(res.json.error.code).toBe('not_found')
  })

  it('should answer 400 for an id that is not an id', async () => {
    const res = await call(`${V1}/events.ics?id=abc`)
    expect(res.status).toBe(400)
    expect(res.json.error.parameter).toBe('id')
  })

  it('should produce the same calendar bytes for the same content', async () => {
    const first = await call(`${V1}/events.ics?when=all&country=AZ`)
    getFeed(ctx.payload).invalidate()
    const second = await call(`${V1}/events.ics?when=all&country=AZ`)
    expect(second.headers.etag).toBe(first.headers.etag)
  })
})
