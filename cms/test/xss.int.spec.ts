import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getFeed } from '@etw/payload-plugin'
import type { Browser, Page } from 'playwright-core'
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import sharp from 'sharp'
import { parse as parseHtml } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { chromiumMissing, contextOptions, launch, watch } from '../../widgets/test/support/browser'
import type { Problems } from '../../widgets/test/support/browser'
import { html, startServer, strictCsp } from '../../widgets/test/support/server'
import type { TestServer } from '../../widgets/test/support/server'
import { isFeedPath, serveFeed } from '../src/feed-server'
import { mediaServerFor } from '../src/media-server'
import { widgetsDir } from '../src/widget-assets'
import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

/**
 * Script injections, each calling the page's sentinel `__xss(n)` if it ever runs: markup in text,
 * attribute breakouts, URL schemes, template syntax of several engines, encoded and look-alike
 * characters; and a line-break injection aimed at the iCalendar feed.
 */
const PAYLOADS = [
  '<script>__xss(1)</script>',
  '<img src=x onerror="__xss(2)">',
  '"><svg onload=__xss(3)>',
  '\'><iframe srcdoc="<script>parent.__xss(4)</script>"></iframe>',
  'javascript:__xss(5)',
  '${__xss(6)}',
  '{{constructor.constructor("__xss(7)")()}}',
  '\\u003cscript\\u003e__xss(8)\\u003c/script\\u003e',
  '＜script＞__xss(9)＜/script＞',
  '<a href="javascript:__xss(10)">click</a>',
  '</style></template><script>__xss(11)</script>',
  '<details open ontoggle=__xss(12)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(13)>',
  '<!--><img src=x onerror=__xss(14)>-->',
  '&lt;img src=x onerror=__xss(15)&gt;',
  '\u202e<svg><animate onbegin=__xss(16) attributeName=x dur=1s>',
  '<style>@import "javascript:__xss(17)"</style>',
  ']]><script>__xss(18)</script>',
  '\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged\nEND:VEVENT\nBEGIN:VEVENT',
]
const ALL = PAYLOADS.join(' ')

/** Elements and attributes that only a payload run as markup would make. */
const INJECTED =
  'script:not([type="application/ld+json"]), iframe, animate, details, math, svg, style, img[src="x"], a[href^="javascript"], [onerror], [onload], [ontoggle]'

/** The text stored in one field: its name, then every payload. */
const text = (field: string) => `${field} ${ALL}`

/** A Lexical text node. */
const textNode = (value: string) => ({
  type: 'text',
  text: value,
  format: 1,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

/**
 * A Lexical value whose text nodes carry the payloads — a paragraph with a safe link whose text is
 * a payload, a heading, a quotation and a list.
 */
const richText = (field: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          {
            type: 'text',
            text: text(field),
            format: 0,
            detail: 0,
            mode: 'normal',
            style: '',
            version: 1,
          },
          {
            type: 'link',
            format: '',
            indent: 0,
            version: 3,
            direction: 'ltr',
            fields: {
              linkType: 'custom',
              url: 'https://example.org/?q=%3Cscript%3E',
              newTab: true,
            },
            children: [
              {
                type: 'text',
                text: PAYLOADS[0],
                format: 0,
                detail: 0,
                mode: 'normal',
                style: '',
                version: 1,
              },
            ],
          },
        ],
      },
      {
        type: 'heading',
        tag: 'h2',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [textNode(`${field}-heading ${PAYLOADS[2]}`)],
      },
      {
        type: 'quote',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [textNode(`${field}-quote ${PAYLOADS[11]}`)],
      },
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          {
            type: 'listitem',
            value: 1,
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            children: [textNode(`${field}-item ${PAYLOADS[12]}`)],
          },
        ],
      },
    ],
  },
})

/** The field messages of the validation error a save was refused with. */
const refusal = async (save: Promise<unknown>): Promise<string[]> => {
  try {
    await save
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data
    return data?.errors?.map(({ message }) => message) ?? [String(error)]
  }
  return []
}

describeDb('stored XSS payloads', () => {
  let ctx: IntContext

  beforeAll(async () => {
    ctx = await bootPayload()
    const { payload } = ctx
    const image = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#0b5cad' },
    })
      .png()
      .toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: text('alt'), caption: text('caption') },
      file: { data: image, mimetype: 'image/png', name: 'xss.png', size: image.length },
    })
    const organization = await payload.create({
      collection: 'organizations',
      data: {
        name: text('organization'),
        shortName: text('short'),
        kind: 'school',
        country: 'AZ',
        city: text('org-city'),
        website: 'https://example.org/school',
      },
    })
    const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000)
    const event = await payload.create({
      collection: 'events',
      data: {
        title: text('event-title'),
        summary: text('event-summary'),
        description: richText('event-description') as never,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600 * 1000).toISOString(),
        timeZone: 'Asia/Baku',
        format: 'hybrid',
        kind: 'seminar',
        venue: text('venue'),
        city: text('event-city'),
        country: 'AZ',
        participatingCountries: ['AZ', 'UA'],
        participantGroups: [{ count: 12, label: text('participants') }],
        registrationUrl: 'https://example.org/register',
        organizers: [organization.id],
        cover: media.id,
        _status: 'published',
      },
    })
    await payload.create({
      collection: 'news',
      data: {
        title: text('news-title'),
        summary: text('news-summary'),
        body: richText('news-body') as never,
        tags: [text('tag')],
        cover: media.id,
        organization: organization.id,
        country: 'AZ',
        sourceUrl: 'https://example.org/source',
        sourceTitle: text('source-title'),
        relatedEvents: [event.id],
        _status: 'published',
      },
    })
    for (const [metric, customKey, label] of [
      ['teachers', undefined, text('teachers-label')],
      ['custom', 'xss-metric', text('custom-label')],
    ] as const) {
      await payload.create({
        collection: 'statistics',
        data: {
          metric,
          customKey,
          label,
          value: 4308,
          asOf: '2026-05-01',
          scope: 'country',
          country: 'AZ',
          source: { title: text('source'), url: 'https://example.org/statistics' },
          _status: 'published',
        } as never,
      })
    }
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('save-time link checks', () => {
    const base = { title: 'Link check', _status: 'draft' as const }

    it.each([
      'javascript:__xss(1)',
      'JaVaScRiPt:__xss(1)',
      'java\nscript:__xss(1)',
      'data:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==',
      'vbscript:__xss(1)',
      '//attacker.example.net/',
    ])('should refuse a news body link to %j, even in a draft', async (url) => {
      const body = richText('body') as {
        root: { children: { children: { fields?: { url: string } }[] }[] }
      }
      body.root.children[0]!.children[1]!.fields!.url = url
      const messages = await refusal(
        ctx.payload.create({
          collection: 'news',
          data: { ...base, body: body as never },
          draft: true,
        }),
      )
      expect(messages).toEqual(['Links must start with http://, https:// or mailto:.'])
    })

    it('should refuse a javascript: link in an event description through REST with 400', async () => {
      const admin = await ctx.payload.create({
        collection: 'users',
        data: {
          email: 'xss-admin@example.org',
          password: 'a long admin passphrase',
          roles: ['admin'],
        },
      })
      const { token } = await ctx.payload.login({
        collection: 'users',
        data: { email: admin.email, password: 'a long admin passphrase' },
      })
      const description = richText('d') as {
        root: { children: { children: { fields?: { url: string } }[] }[] }
      }
      description.root.children[0]!.children[1]!.fields!.url = 'javascript:__xss(1)'
      const res = await ctx.api.post('/events?draft=true', {
        auth: `JWT ${token}`,
        body: { title: 'Event link check', description },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('Links must start with')
    })

    it('should accept a mailto: link in a news body', async () => {
      const body = richText('body') as {
        root: { children: { children: { fields?: { url: string } }[] }[] }
      }
      body.root.children[0]!.children[1]!.fields!.url = 'mailto:nss@etwinning.az'
      const doc = await ctx.payload.create({
        collection: 'news',
        data: { ...base, body: body as never },
        draft: true,
      })
      expect(doc.id).toBeTruthy()
    })

    it.each([
      ['news', 'sourceUrl'],
      ['events', 'registrationUrl'],
      ['organizations', 'website'],
    ] as const)('should refuse a javascript: URL in %s.%s', async (collection, field) => {
      const messages = await refusal(
        ctx.payload.create({
          collection,
          data: { title: 'x', name: 'x', kind: 'school', [field]: 'javascript:__xss(1)' } as never,
          draft: true,
        }),
      )
      expect(messages.join()).toMatch(/http:\/\/ or https:\/\//)
    })
  })

  describe('RSS', () => {
    it('should carry titles as text and summaries HTML-escaped', async () => {
      const res = await callFeed(ctx.payload, '/api/etw/v1/news.rss')
      expect(res.status).toBe(200)
      const feed = await new Parser().parseString(res.text)
      const item = feed.items.find((entry) => entry.title?.startsWith('news-title'))
      expect(item?.title).toBe(text('news-title'))
      // A reader renders the description as HTML: it must hold no markup, only escaped text.
      expect(item?.content).not.toMatch(/<[a-z!/]/i)
      expect(item?.contentSnippet).toBe(text('news-summary'))
    })

    it('should carry the whole article in content:encoded as inert markup, the payloads as text', async () => {
      const res = await callFeed(ctx.payload, '/api/etw/v1/news.rss')
      const feed = await new Parser().parseString(res.text)
      const item = feed.items.find((entry) => entry.title?.startsWith('news-title'))
      const dom = parseHtml(item!['content:encoded'])
      expect(dom.querySelectorAll(INJECTED).map((el) => el.outerHTML)).toEqual([])
      expect(dom.textContent).toContain(text('news-body'))
      const hrefs = dom.querySelectorAll('a').map((a) => a.getAttribute('href'))
      expect(hrefs).toContain('https://example.org/?q=%3Cscript%3E')
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
      // The feed stays well-formed: no payload closes a CDATA section.
      expect(feed.items).toHaveLength(1)
      expect(res.text.match(/<item>/g)).toHaveLength(1)
    })
  })

  describe('iCalendar', () => {
    it('should carry the event texts as property values, one event only', async () => {
      const res = await callFeed(ctx.payload, '/api/etw/v1/events.ics')
      expect(res.status).toBe(200)
      const calendar = new ICAL.Component(ICAL.parse(res.text))
      const events = calendar.getAllSubcomponents('vevent')
      expect(events).toHaveLength(1)
      const event = new ICAL.Event(events[0]!)
      expect(event.summary).toBe(text('event-title'))
    })
  })

  describe('public pages', () => {
    /** Every public page the payloads appear on. */
    const pages = async () => {
      const find = async (collection: 'events' | 'news') =>
        String(
          (
            await ctx.payload.find({
              collection,
              limit: 1,
              where: { title: { like: `${collection === 'news' ? 'news' : 'event'}-title` } },
              overrideAccess: true,
            })
          ).docs[0]!.slug,
        )
      return [
        `/en/news/${await find('news')}`,
        `/az/events/${await find('events')}`,
        '/en/news',
        '/en/events',
        '/az',
        '/sitemap-news-1.xml',
      ]
    }

    it('should render every stored payload as text on every public page', async () => {
      const paths = await pages()
      const seen = new Set<string>()
      for (const path of paths) {
        const response = await getFeed(ctx.payload).handle({
          headers: { host: 'cms.example.org' },
          method: 'GET',
          url: path,
        })
        expect(response?.status, path).toBe(200)
        const dom = parseHtml(Buffer.from(response!.body).toString())
        expect(
          dom.querySelectorAll(INJECTED).map((el) => el.outerHTML),
          path,
        ).toEqual([])
        for (const field of [
          'news-title',
          'news-summary',
          'news-body',
          'event-title',
          'event-description',
          'venue',
          'organization',
          'tag',
        ]) {
          // Tags are stored in lower case.
          const stored = field === 'tag' ? text(field).toLocaleLowerCase() : text(field)
          if (dom.textContent.includes(stored)) seen.add(field)
        }
        const alts = dom.querySelectorAll('img').map((img) => img.getAttribute('alt'))
        for (const alt of alts) expect([text('alt'), '']).toContain(alt)
      }
      expect([...seen].sort()).toEqual([
        'event-description',
        'event-title',
        'news-body',
        'news-summary',
        'news-title',
        'organization',
        'tag',
        'venue',
      ])
    })

    describe.skipIf(chromiumMissing)('in Chromium', () => {
      let browser: Browser
      let server: ReturnType<typeof createServer>
      let origin: string

      beforeAll(async () => {
        const feed = getFeed(ctx.payload)
        server = createServer((req, res) => {
          if (!isFeedPath(req.url ?? '')) {
            res.writeHead(404).end()
            return
          }
          void serveFeed(feed, req, res).then((handled) => {
            if (!handled) res.writeHead(404).end()
          })
        })
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        browser = await launch()
      })

      afterAll(async () => {
        await browser?.close()
        await new Promise((resolve) => server?.close(resolve))
      })

      it('should run none of the payloads on any public page, with no CSP violation', async () => {
        for (const path of (await pages()).filter((p) => !p.endsWith('.xml'))) {
          const context = await browser.newContext(contextOptions)
          const page = await context.newPage()
          const calls: unknown[] = []
          await page.exposeBinding('__xss', (_source, id: unknown) => {
            calls.push(id)
          })
          const problems: Problems = await watch(page)
          const response = await page.goto(origin + path)
          expect(response?.status(), path).toBe(200)
          await page.waitForLoadState('networkidle')
          await page.waitForTimeout(500)
          expect(calls, path).toEqual([])
          expect(problems.violations, path).toEqual([])
          expect(await page.locator(INJECTED).count(), path).toBe(0)
          await context.close()
        }
      })
    })
  })

  describe.skipIf(chromiumMissing)('widgets in Chromium', () => {
    let browser: Browser
    let cms: ReturnType<typeof createServer>
    let cmsOrigin: string
    let site: TestServer
    let pageCount = 0
    let widgetsOut: string | undefined

    beforeAll(async () => {
      // The real bundle, built from the current sources into a directory of this test's own, so
      // the widgets' browser tests, which build and serve `widgets/dist`, are not disturbed.
      const outDir = mkdtempSync(path.join(tmpdir(), 'etw-xss-'))
      execFileSync(
        process.execPath,
        [
          'node_modules/vite/bin/vite.js',
          'build',
          '--mode',
          'bundle',
          '--logLevel',
          'warn',
          '--outDir',
          outDir,
        ],
        { cwd: widgetsDir, stdio: 'inherit' },
      )
      widgetsOut = outDir
      const feed = getFeed(ctx.payload)
      const serveMedia = mediaServerFor(ctx.payload)
      // The CMS's request path for the feed (`src/server.ts`), the widget files and media files.
      cms = createServer((req, res) => {
        const file = /^\/widgets\/(etw-widgets\.js|chunks\/[\w-]+\.js)(\?|$)/.exec(req.url ?? '')
        if (file) {
          res
            .writeHead(200, {
              'content-type': 'text/javascript; charset=utf-8',
              'access-control-allow-origin': '*',
            })
            .end(readFileSync(path.join(outDir, file[1]!)))
          return
        }
        if (req.url?.startsWith('/media/')) {
          void serveMedia(req, res)
          return
        }
        if (!isFeedPath(req.url ?? '')) {
          res.writeHead(404).end()
          return
        }
        void serveFeed(feed, req, res).then((handled) => {
          if (!handled) res.writeHead(404).end()
        })
      })
      await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve))
      cmsOrigin = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      site = await startServer('localhost')
      browser = await launch()
    })

    afterAll(async () => {
      await browser?.close()
      await site?.close()
      await new Promise((resolve) => cms?.close(resolve))
      if (widgetsOut) rmSync(widgetsOut, { recursive: true, force: true })
    })

    // The article reads its slug from the page address, as on a host site's article page.
    const WIDGETS = `<etw-news-feed limit="5"></etw-news-feed>
<etw-events when="upcoming" layout="cards"></etw-events>
<etw-stats country="AZ" metrics="teachers,xss-metric"></etw-stats>
<etw-article slug-param="slug"></etw-article>`
    const TAGS = ['etw-news-feed', 'etw-events', 'etw-stats', 'etw-article']

    /** The slug of the news item whose every field holds the payloads. */
    const newsSlug = async () =>
      String(
        (
          await ctx.payload.find({
            collection: 'news',
            limit: 1,
            where: { title: { like: 'news-title' } },
            overrideAccess: true,
          })
        ).docs[0]!.slug,
      )

    /** Opens the widgets on a third-party page, with the sentinel and every alarm wired up. */
    const open = async (csp: string | undefined) => {
      const path = `/xss-${++pageCount}.html`
      const head = `<script src="${cmsOrigin}/widgets/etw-widgets.js"></script>`
      site.pages.set(path, { html: html(WIDGETS, { head }), csp })
      const context = await browser.newContext({ ...contextOptions, reducedMotion: 'reduce' })
      const page = await context.newPage()
      const calls: unknown[] = []
      const dialogs: string[] = []
      await page.exposeBinding('__xss', (_source, id: unknown) => {
        calls.push(id)
      })
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const problems: Problems = await watch(page)
      await page.goto(`${site.origin}${path}?slug=${encodeURIComponent(await newsSlug())}`)
      await page.waitForFunction(
        (tags) =>
          [...document.querySelectorAll(tags.join(', '))].every(
            (el) => el.shadowRoot?.querySelector('[part="base"]') && el.shadowRoot.textContent,
          ),
        TAGS,
      )
      await page.waitForLoadState('networkidle')
      // Give event handlers (onerror, onload, ontoggle, animations) time to fire if any got in.
      await page.waitForTimeout(1_500)
      return { page, context, calls, dialogs, problems }
    }

    const shadowText = (page: Page, tag: string) =>
      page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent ?? '', tag)

    it('should run none of the payloads under the strict CSP, with no violation', async () => {
      const { context, calls, dialogs, problems } = await open(strictCsp(cmsOrigin))
      expect(calls).toEqual([])
      expect(dialogs).toEqual([])
      expect(problems.violations).toEqual([])
      expect(problems.errors).toEqual([])
      await context.close()
    })

    it('should run none of the payloads even on a page without any CSP', async () => {
      const { context, calls, dialogs, problems } = await open(undefined)
      expect(calls).toEqual([])
      expect(dialogs).toEqual([])
      expect(problems.errors).toEqual([])
      await context.close()
    })

    it('should show the payloads as text in every widget', async () => {
      const { page, context } = await open(strictCsp(cmsOrigin))
      const news = await shadowText(page, 'etw-news-feed')
      expect(news).toContain(text('news-title'))
      expect(news).toContain(text('news-summary'))
      const events = await shadowText(page, 'etw-events')
      expect(events).toContain(text('event-title'))
      const stats = await shadowText(page, 'etw-stats')
      expect(stats).toContain(text('custom-label'))
      const article = await shadowText(page, 'etw-article')
      for (const field of [
        'news-title',
        'news-summary',
        'news-body',
        'organization',
        'source-title',
      ]) {
        expect(article, field).toContain(text(field))
      }
      for (const node of ['heading', 'quote', 'item']) {
        expect(article, node).toContain(`news-body-${node} `)
      }
      expect(article).toContain(text('event-title'))
      // Nothing the payloads spell out became an element.
      const injected = await page.evaluate(
        (tags) =>
          tags.flatMap((name) =>
            [
              ...(document
                .querySelector(name)
                ?.shadowRoot?.querySelectorAll(
                  'script, iframe, animate, details, math, img[src="x"], a[href^="javascript"]',
                ) ?? []),
            ].map((el) => `${name} ${el.outerHTML}`),
          ),
        TAGS,
      )
      expect(injected).toEqual([])
      await context.close()
    })

    it('should give images the stored alt text as an attribute value, not markup', async () => {
      const { page, context } = await open(strictCsp(cmsOrigin))
      const alts = await page.evaluate(() =>
        ['etw-news-feed', 'etw-article'].flatMap((name) =>
          [...(document.querySelector(name)?.shadowRoot?.querySelectorAll('img') ?? [])].map(
            (img) => img.getAttribute('alt'),
          ),
        ),
      )
      expect(alts.length).toBeGreaterThan(1)
      for (const alt of alts) expect([text('alt'), '']).toContain(alt)
      await context.close()
    })
  })
})
