import { signPreviewToken } from '@etw/payload-plugin'
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

  it('should render the preview page with the news widget reading the preview feed', async () => {
    const res = await ctx.api.get(pathOf(previewUrl))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    // The widget reads from the origin the page was asked on (none here: the test client sends no
    // Host, so the address stays relative).
    expect(String(res.body)).toContain(
      `<etw-news-feed api-base="${new URL(previewUrl).pathname}" lang="uk"`,
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

  it('should keep showing readers the published version', async () => {
    const feed = await ctx.api.get('/etw/v1/news?locale=uk')
    const titles = feed.body.items.map((item: { title: string }) => item.title)
    expect(titles).toContain(PUBLISHED)
    expect(titles).not.toContain(DRAFT)
  })

  it('should answer 401 to a missing, forged or expired token', async () => {
    const token = pathOf(previewUrl).split('/').pop()!
    const [header, body, signature] = token.split('.')
    const forged = `${header}.${body}.${signature!.slice(0, -2)}xx`
    const expired = await signPreviewToken(
      ctx.payload.secret,
      { collection: 'news', id: String(newsId), locale: 'uk', user: String(users.editor.id) },
      new Date(Date.now() - 3_600_000),
    )
    for (const path of [
      '/etw-preview/x',
      `/etw-preview/${forged}`,
      `/etw-preview/${expired}`,
      `/etw-preview/${forged}/api/etw/v1/news`,
    ]) {
      const res = await ctx.api.get(path)
      expect(res.status, path).toBe(401)
      expect(JSON.stringify(res.body)).not.toContain(DRAFT)
    }
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
    const page = await ctx.api.get(pathOf(url))
    expect(String(page.body)).toContain('<etw-events')
    const res = await ctx.api.get(`${pathOf(url)}/api/etw/v1/events?locale=uk&when=all`)
    expect(res.body.items[0]).toMatchObject({
      title: 'Вебінар: чернетка',
      start: '2031-03-12T05:00:00.000Z',
      timeZone: 'Asia/Baku',
    })
    const token = pathOf(url).split('/').pop()
    expect((await ctx.api.get(`/etw-preview/${token}/api/etw/v1/news`)).status).toBe(401)
  })
})
