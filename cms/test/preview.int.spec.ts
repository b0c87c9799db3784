import { getFeed, signPreviewToken } from '@etw/payload-plugin'
import { parse } from 'node-html-parser'
import type { LivePreviewConfig } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const PUBLISHED = 'Семінар у Баку: програма'
const DRAFT = 'Семінар у Баку: оновлена програма'

describeDb('live preview of drafts', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let newsId: number | string
  let newsSlug: string
  let previewUrl: string

  /** The URL the admin's live preview loads for `collection`'s document `id`, as `user`. */
  const livePreviewUrl = async (
    collection: 'events' | 'news',
    id: number | string,
    user: TestUser | null,
  ) => {
    const config = ctx.config.collections.find((entry) => entry.slug === collection)!
    const url = (config.admin.livePreview as LivePreviewConfig).url as (
      args: object,
    ) => Promise<null | string>
    return url({
      collectionConfig: config,
      data: { id },
      locale: { code: 'uk' },
      payload: ctx.payload,
      req: {
        headers: new Headers({ host: 'cms.example.org' }),
        payload: ctx.payload,
        user: user?.doc ?? null,
      },
    })
  }

  const pathOf = (url: string) => new URL(url).pathname.replace(/^\/api/, '')

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const created = await ctx.api.post('/news?locale=uk', {
      auth: users.editor.auth,
      body: { title: PUBLISHED, summary: 'Опубліковано', _status: 'published' },
    })
    newsId = created.body.doc.id
    newsSlug = created.body.doc.slug
    await ctx.api.patch(`/news/${newsId}?locale=uk&draft=true`, {
      auth: users.editor.auth,
      body: { title: DRAFT, summary: 'Ще чернетка' },
    })
    previewUrl = (await livePreviewUrl('news', newsId, users.editor))!
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should offer breakpoints and a token-bound preview URL to team members', async () => {
    const config = ctx.config.collections.find((entry) => entry.slug === 'news')!
    const { breakpoints } = config.admin.livePreview as LivePreviewConfig
    expect(breakpoints?.map((breakpoint) => breakpoint.name)).toEqual([
      'mobile',
      'tablet',
      'desktop',
    ])
    expect(previewUrl).toMatch(
      /^http:\/\/cms\.example\.org\/api\/etw-preview\/[\w-]+\.[\w-]+\.[\w-]+$/,
    )
    expect(await livePreviewUrl('news', newsId, null)).toBeNull()
  })

  /** A public page as an anonymous reader gets it from the fast path. */
  const publicPage = async (path: string) => {
    const res = await getFeed(ctx.payload).handle({ headers: {}, method: 'GET', url: path })
    return { status: res?.status, text: Buffer.from(res?.body ?? '').toString() }
  }

  it('should show the draft on its public page, then in the news widget reading the preview feed', async () => {
    const res = await ctx.api.get(pathOf(previewUrl))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    const policy = res.headers.get('content-security-policy')!
    expect(policy).toContain("frame-ancestors 'self'")
    const dom = parse(String(res.body))
    // The article as readers will see it on its page, with the page's own stylesheet.
    expect(dom.querySelector('main h1')?.textContent).toBe(DRAFT)
    expect(dom.querySelector('main .lead')?.textContent).toBe('Ще чернетка')
    expect(dom.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('/etw-site.css')
    expect(dom.querySelector('html')?.getAttribute('lang')).toBe('uk')
    expect(dom.querySelector('[role="status"]')?.textContent).toContain('Draft preview')
    // The widget reads from the origin the page was asked on (none here: the test client sends no
    // Host, so the address stays relative).
    const widget = dom.querySelector('etw-news-feed')!
    expect(widget.getAttribute('api-base')).toBe(new URL(previewUrl).pathname)
    expect(widget.getAttribute('lang')).toBe('uk')
    // The one inline script runs under the policy's nonce.
    const nonce = dom.querySelector('script[nonce]')!.getAttribute('nonce')
    expect(policy).toContain(`'nonce-${nonce}'`)
    expect(String(res.body)).not.toContain(PUBLISHED)
  })

  it('should show the preview in the admin language', async () => {
    const res = await ctx.api.get(pathOf(previewUrl), { headers: { 'accept-language': 'uk' } })
    const dom = parse(String(res.body))
    expect(dom.querySelector('[role="status"]')?.textContent).toContain(
      'Попередній перегляд чернетки',
    )
    expect(dom.querySelector('#etw-preview-widgets')?.textContent).toBe(
      'У віджетах на інших сайтах',
    )
  })

  it('should give the preview widget the draft as the first item, as the feed shows items', async () => {
    const res = await ctx.api.get(`${pathOf(previewUrl)}/api/etw/v1/news?locale=uk&limit=3`)
    expect(res.status).toBe(200)
    expect(res.body.items[0]).toMatchObject({
      id: String(newsId),
      title: DRAFT,
      summary: 'Ще чернетка',
    })
    // The item's public page, as the feed links it.
    expect(res.body.items[0].link).toMatch(/\/uk\/news\/[a-z0-9-]+$/)
    expect(res.body.items.map((item: { title: string }) => item.title)).not.toContain(PUBLISHED)
  })

  it('should keep showing readers the published version on the feed and the public page', async () => {
    const feed = await ctx.api.get('/etw/v1/news?locale=uk')
    const titles = feed.body.items.map((item: { title: string }) => item.title)
    expect(titles).toContain(PUBLISHED)
    expect(titles).not.toContain(DRAFT)
    const page = await publicPage(`/uk/news/${newsSlug}`)
    expect(page.status).toBe(200)
    expect(parse(page.text).querySelector('main h1')?.textContent).toBe(PUBLISHED)
    expect(page.text).not.toContain(DRAFT)
    expect(page.text).not.toContain('Ще чернетка')
  })

  it('should follow the draft as the editor changes it', async () => {
    await ctx.api.patch(`/news/${newsId}?locale=uk&draft=true`, {
      auth: users.editor.auth,
      body: { title: `${DRAFT} (2)` },
    })
    const version = (body: unknown) =>
      parse(String(body)).querySelector('meta[name="etw-preview-version"]')?.getAttribute('content')
    const before = version((await ctx.api.get(pathOf(previewUrl))).body)
    await ctx.api.patch(`/news/${newsId}?locale=uk&draft=true`, {
      auth: users.editor.auth,
      body: { title: `${DRAFT} (3)` },
    })
    const res = await ctx.api.get(pathOf(previewUrl))
    expect(parse(String(res.body)).querySelector('main h1')?.textContent).toBe(`${DRAFT} (3)`)
    // The page reloads itself when the version it shows is no longer the stored one.
    expect(version(res.body)).toBeTruthy()
    expect(version(res.body)).not.toBe(before)
    await ctx.api.patch(`/news/${newsId}?locale=uk&draft=true`, {
      auth: users.editor.auth,
      body: { title: DRAFT },
    })
  })

  it('should answer 401 to an expired token and 404 to a missing, forged or altered one', async () => {
    const token = pathOf(previewUrl).split('/').pop()!
    const [header, body, signature] = token.split('.')
    const forged = `${header}.${body}.${signature!.slice(0, -2)}xx`
    const altered = `${header}.${Buffer.from(
      JSON.stringify({ c: 'news', i: String(newsId), l: 'uk', sub: '1', aud: 'etw-preview' }),
    ).toString('base64url')}.${signature}`
    const expired = await signPreviewToken(
      ctx.payload.secret,
      { collection: 'news', id: String(newsId), locale: 'uk', user: String(users.editor.id) },
      new Date(Date.now() - 3_600_000),
    )
    for (const [path, status] of [
      [`/etw-preview/${expired}`, 401],
      [`/etw-preview/${expired}/api/etw/v1/news`, 401],
      ['/etw-preview/x', 404],
      [`/etw-preview/${forged}`, 404],
      [`/etw-preview/${altered}`, 404],
      [`/etw-preview/${forged}/api/etw/v1/news`, 404],
      // A token grants its own collection's feed only.
      [`/etw-preview/${token}/api/etw/v1/events`, 404],
    ] as const) {
      const res = await ctx.api.get(path)
      expect(res.status, path).toBe(status)
      expect(JSON.stringify(res.body), path).not.toContain(DRAFT)
    }
  })

  it('should answer 403 once the token’s user has lost their team role, and 404 once the document is gone', async () => {
    const created = await ctx.api.post('/news?locale=uk&draft=true', {
      auth: users.contributor.auth,
      body: { title: 'Тимчасова чернетка' },
    })
    const id = created.body.doc.id
    const url = (await livePreviewUrl('news', id, users.contributor))!
    expect((await ctx.api.get(pathOf(url))).status).toBe(200)
    await ctx.payload.update({
      collection: 'users',
      id: users.contributor.id,
      data: { roles: ['statistics-writer'] },
      overrideAccess: true,
    })
    const refused = await ctx.api.get(pathOf(url))
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).not.toContain('Тимчасова чернетка')
    await ctx.payload.update({
      collection: 'users',
      id: users.contributor.id,
      data: { roles: ['contributor'] },
      overrideAccess: true,
    })
    await ctx.payload.delete({ collection: 'news', id, overrideAccess: true })
    expect((await ctx.api.get(pathOf(url))).status).toBe(404)
  })

  it('should answer 400 to a bad widget parameter', async () => {
    const res = await ctx.api.get(`${pathOf(previewUrl)}/api/etw/v1/news?limit=0`)
    expect(res.status).toBe(400)
    expect(res.body.error.parameter).toBe('limit')
  })

  it('should preview an event draft in the events list', async () => {
    const created = await ctx.api.post('/events?locale=uk&draft=true', {
      auth: users.contributor.auth,
      body: {
        title: 'Вебінар: чернетка',
        startsAt: '2031-03-12T05:00:00.000Z',
        endsAt: '2031-03-12T08:00:00.000Z',
        startsAt_tz: 'Asia/Baku',
        format: 'online',
        kind: 'webinar',
      },
    })
    expect(created.status).toBe(201)
    const url = (await livePreviewUrl('events', created.body.doc.id, users.contributor))!
    const page = parse(String((await ctx.api.get(pathOf(url))).body))
    expect(page.querySelector('main h1')?.textContent).toBe('Вебінар: чернетка')
    // Start in the event's own zone, with the zone named.
    expect(page.querySelector('main .facts')?.textContent).toContain('Asia/Baku')
    expect(page.querySelector('etw-events')?.getAttribute('when')).toBe('all')
    const res = await ctx.api.get(`${pathOf(url)}/api/etw/v1/events?locale=uk&when=all`)
    expect(res.body.items[0]).toMatchObject({
      title: 'Вебінар: чернетка',
      start: '2031-03-12T05:00:00.000Z',
      timeZone: 'Asia/Baku',
    })
    const token = pathOf(url).split('/').pop()
    expect((await ctx.api.get(`/etw-preview/${token}/api/etw/v1/news`)).status).toBe(404)
  })
})
