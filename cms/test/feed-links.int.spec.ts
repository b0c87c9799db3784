import ICAL from 'ical.js'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { afterSettle, callFeed, TEST_HOST } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const V1 = '/api/etw/v1'
const ORIGIN = `http://${TEST_HOST}`
const KPNU_NEWS = 'etwinning-meeting-kamianets-podilskyi-2025'
const BAKU_NEWS = 'etwinning-seminar-baku-2023'
const BAKU_EVENT = 'innovation-and-education-baku-2023'

const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
})
const text = (value: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})
const lexical = (...children: unknown[]) => ({
  root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 },
})

describeDb('public feed: links a person can read, and single items', () => {
  let ctx: IntContext
  const call = (url: string, options?: Parameters<typeof callFeed>[2]) =>
    callFeed(ctx.payload, url, options)
  let draftSlug = ''
  let scheduledSlug = ''

  const setTemplate = async (linkTemplate: string | null) => {
    await ctx.payload.updateGlobal({
      slug: 'etw-settings',
      data: { linkTemplate },
      overrideAccess: true,
    })
    await afterSettle()
  }

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const { payload } = ctx
    const draft = await payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Unpublished draft news' },
      draft: true,
      overrideAccess: true,
    })
    draftSlug = String(draft.slug)
    const scheduled = await payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Scheduled news', publishedAt: '2099-01-01T00:00:00.000Z' },
      draft: true,
      overrideAccess: true,
    })
    scheduledSlug = String(scheduled.slug)
    await payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        title: 'Sourced and formatted',
        slug: 'sourced-and-formatted',
        publishedAt: '2020-01-01T00:00:00.000Z',
        sourceUrl: 'https://etwinning.org.ua/news/1',
        sourceTitle: 'eTwinning Ukraine',
        body: lexical(
          { type: 'heading', tag: 'h2', version: 1, children: [text('Heading')] },
          paragraph(
            text('bold', 1),
            { type: 'linebreak', version: 1 },
            {
              type: 'link',
              version: 3,
              fields: { linkType: 'custom', newTab: false, url: 'https://etwinning.net/' },
              children: [text('etwinning.net')],
            },
          ),
        ),
      } as never,
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should link each news item to its public page in the requested locale', async () => {
    const res = await call(`${V1}/news?organization=k-pnu&locale=uk`)
    expect(res.json.items[0].link).toBe(`${ORIGIN}/uk/news/${KPNU_NEWS}`)
  })

  it('should give the source as its own field, apart from the link', async () => {
    const res = await call(`${V1}/news?limit=20`)
    const item = res.json.items.find((entry: any) => entry.slug === 'sourced-and-formatted')
    expect(item.source).toEqual({
      title: 'eTwinning Ukraine',
      url: 'https://etwinning.org.ua/news/1',
    })
    expect(item.link).toBe(`${ORIGIN}/en/news/sourced-and-formatted`)
  })

  it('should link each event to its public page', async () => {
    const res = await call(`${V1}/events?when=past&locale=az`)
    expect(res.json.items[0].link).toBe(`${ORIGIN}/az/events/${BAKU_EVENT}`)
  })

  it('should give the event page as the iCalendar URL', async () => {
    const res = await call(`${V1}/events.ics?when=past`)
    const calendar = new ICAL.Component(ICAL.parse(res.text))
    const [event] = calendar.getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('url')).toBe(`${ORIGIN}/en/events/${BAKU_EVENT}`)
  })

  it('should give the public pages as links in the GraphQL consumer queries', async () => {
    const res = await ctx.api.graphql(
      `{ newsFeed(organization: "k-pnu") { items { link source { url title } } }
         pastEvents { items { link } } }`,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.newsFeed.items[0]).toEqual({
      link: expect.stringMatching(new RegExp(`/en/news/${KPNU_NEWS}$`)),
      source: null,
    })
    expect(res.body.data.pastEvents.items[0].link).toMatch(new RegExp(`/en/events/${BAKU_EVENT}$`))
  })

  it('should follow the link template of the settings for news, after invalidation', async () => {
    await setTemplate('https://univ.example/etwinning/article?slug={slug}&lang={locale}&id={id}')
    try {
      const news = await call(`${V1}/news?organization=k-pnu&locale=uk`)
      const [item] = news.json.items
      expect(item.link).toBe(
        `https://univ.example/etwinning/article?slug=${KPNU_NEWS}&lang=uk&id=${item.id}`,
      )
      const rss = await call(`${V1}/news.rss?organization=k-pnu`)
      expect(rss.text).toContain(
        `<link>https://univ.example/etwinning/article?slug=${KPNU_NEWS}&amp;lang=en`,
      )
      const events = await call(`${V1}/events?when=past`)
      expect(events.json.items[0].link).toBe(`${ORIGIN}/en/events/${BAKU_EVENT}`)
    } finally {
      await setTemplate(null)
    }
    const again = await call(`${V1}/news?organization=k-pnu`)
    expect(again.json.items[0].link).toBe(`${ORIGIN}/en/news/${KPNU_NEWS}`)
  })

  it('should refuse a link template whose result is not an http(s) address', async () => {
    await expect(
      ctx.payload.updateGlobal({
        slug: 'etw-settings',
        data: { linkTemplate: 'javascript:alert({id})' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/Link template/)
  })

  it('should answer one published news item in full, its body as a vetted node tree', async () => {
    const res = await call(`${V1}/news/sourced-and-formatted`)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/)
    expect(res.json).toMatchObject({
      link: `${ORIGIN}/en/news/sourced-and-formatted`,
      locale: 'en',
      slug: 'sourced-and-formatted',
      source: { title: 'eTwinning Ukraine', url: 'https://etwinning.org.ua/news/1' },
      title: 'Sourced and formatted',
    })
    expect(res.json.body).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Heading' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'bold', bold: true },
          { type: 'linebreak' },
          {
            type: 'link',
            url: 'https://etwinning.net/',
            newTab: false,
            children: [{ type: 'text', text: 'etwinning.net' }],
          },
        ],
      },
    ])
  })

  it('should list the published related events of a news item with their pages', async () => {
    const res = await call(`${V1}/news/${BAKU_NEWS}?locale=uk`)
    expect(res.json.relatedEvents).toEqual([
      {
        link: `${ORIGIN}/uk/events/${BAKU_EVENT}`,
        slug: BAKU_EVENT,
        start: '2023-05-15T05:00:00.000Z',
        title: 'Міжнародний семінар «Інновації та освіта»',
        formatted: { start: expect.stringMatching(/^15 трав\. 2023/) },
      },
    ])
    expect(res.json.body[0]).toMatchObject({ type: 'paragraph' })
  })

  it('should name the default locale when the item has no text in the requested one', async () => {
    const res = await call(`${V1}/news/${KPNU_NEWS}?locale=az`)
    expect(res.json.locale).toBe('en')
    expect(res.json.title).toMatch(/^Discussion on eTwinning/)
  })

  it('should answer 304 to a repeated request with its ETag', async () => {
    const first = await call(`${V1}/news/${BAKU_NEWS}`)
    const second = await call(`${V1}/news/${BAKU_NEWS}`, {
      headers: { 'if-none-match': first.headers.etag! },
    })
    expect(second.status).toBe(304)
  })

  it('should answer a JSON 404 for drafts, scheduled and unknown news', async () => {
    for (const slug of [draftSlug, scheduledSlug, 'no-such-news', 'NOT%20A%20SLUG']) {
      const res = await call(`${V1}/news/${slug}`)
      expect(res.status, slug).toBe(404)
      expect(res.json.error.code).toBe('not_found')
    }
  })

  it('should answer one published event in full with its description and participants', async () => {
    const res = await call(`${V1}/events/${BAKU_EVENT}?locale=uk`)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      link: `${ORIGIN}/uk/events/${BAKU_EVENT}`,
      locale: 'uk',
      timeZone: 'Asia/Baku',
      title: 'Міжнародний семінар «Інновації та освіта»',
    })
    expect(res.json.description[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: expect.stringMatching(/^Міжнародний семінар/) }],
    })
    expect(res.json.participants.length).toBeGreaterThan(0)
  })

  it('should answer a JSON 404 for an unpublished event', async () => {
    const draft = await ctx.payload.create({
      collection: 'events',
      data: {
        _status: 'draft',
        title: 'Draft seminar',
        startsAt: '2030-01-01T10:00:00.000Z',
        endsAt: '2030-01-01T12:00:00.000Z',
        timeZone: 'Europe/Kyiv',
      },
      draft: true,
      overrideAccess: true,
    })
    const res = await call(`${V1}/events/${String(draft.slug)}`)
    expect(res.status).toBe(404)
    expect(res.json.error.code).toBe('not_found')
  })

  it('should keep the earlier slug when a slug changes', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Renamed', slug: 'first-slug' },
      overrideAccess: true,
    })
    const renamed = await ctx.payload.update({
      collection: 'news',
      id: doc.id,
      data: { slug: 'second-slug' },
      overrideAccess: true,
    })
    expect(renamed.previousSlugs).toEqual(['first-slug'])
    const back = await ctx.payload.update({
      collection: 'news',
      id: doc.id,
      data: { slug: 'first-slug' },
      overrideAccess: true,
    })
    expect(back.previousSlugs).toEqual(['second-slug'])
  })
})
