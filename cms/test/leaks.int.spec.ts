import { createFeedClient } from '@etw/client'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

/** Written into every unpublished title, summary and body; lower case so it reaches slugs too. */
const MARKER = 'zqxunpublishedmarker'

const LOCALES = ['en', 'uk', 'az'] as const

/** A Lexical body with one paragraph of `text`. */
const lexical = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        children: [
          { type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' },
        ],
      },
    ],
  },
})

type Drafted = 'news' | 'events'

/** The secret content of one drafted collection: ids that must never reach an anonymous caller. */
interface Secrets {
  draftOnly: number | string
  scheduled: number | string
  withNewerDraft: number | string
  publishedTitle: string
  versionId: number | string
}

/** Fields that make an event valid and upcoming (so a leak would show in the feed). */
const eventBase = () => {
  const start = Date.now() + 10 * 86_400_000
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
    timeZone: 'Asia/Baku',
    format: 'online',
    kind: 'webinar',
    country: 'AZ',
  }
}

const textFields = (collection: Drafted, text: string) =>
  collection === 'news'
    ? { title: text, summary: text, body: lexical(text) }
    : { title: text, summary: text, description: lexical(text), ...eventBase() }

describeDb('no leaks of unpublished content or hidden fields to anonymous callers', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  const secrets = {} as Record<Drafted, Secrets>
  /** Every anonymous response body, for the final sweep. */
  const seen: { door: string; status: number; text: string }[] = []

  const record = (door: string, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? null)
    seen.push({ door, status, text })
    return text
  }

  const secretIds = (collection: Drafted) =>
    new Set([secrets[collection].draftOnly, secrets[collection].scheduled].map(String))

  /** Ids of the documents an answer lists (REST `docs`, or GraphQL `data.<query>.docs`). */
  const docIds = (body: unknown): string[] => {
    const lists: unknown[] = []
    const record = (body ?? {}) as { docs?: unknown; data?: Record<string, { docs?: unknown }> }
    if (Array.isArray(record.docs)) lists.push(...record.docs)
    for (const value of Object.values(record.data ?? {})) {
      if (Array.isArray(value?.docs)) lists.push(...value.docs)
    }
    return lists.map((doc) => String((doc as { id?: unknown }).id))
  }

  const createSecrets = async (
    collection: Drafted,
    published: Record<string, unknown> = {},
  ): Promise<Secrets> => {
    const { payload } = ctx
    const draftOnly = await payload.create({
      collection,
      data: textFields(collection, `Draft only ${MARKER}`) as never,
      draft: true,
    })
    for (const locale of ['uk', 'az'] as const) {
      await payload.update({
        collection,
        id: draftOnly.id,
        data: { title: `${locale} draft ${MARKER}` } as never,
        draft: true,
        locale,
      })
    }
    const publishedTitle = `Public ${collection} title`
    const withNewerDraft = await payload.create({
      collection,
      data: {
        ...textFields(collection, publishedTitle),
        ...published,
        _status: 'published',
      } as never,
    })
    await payload.update({
      collection,
      id: withNewerDraft.id,
      data: textFields(collection, `Newer draft ${MARKER}`) as never,
      draft: true,
    })
    const scheduled = await payload.create({
      collection,
      data: textFields(collection, `Scheduled ${MARKER}`) as never,
      draft: true,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: collection, value: String(scheduled.id) },
        user: { relationTo: 'users', value: users.editor.id },
      } as never,
      waitUntil: new Date(Date.now() + 86_400_000),
    })
    const versions = await payload.findVersions({
      collection,
      where: { parent: { equals: draftOnly.id } },
      limit: 1,
    })
    return {
      draftOnly: draftOnly.id,
      scheduled: scheduled.id,
      withNewerDraft: withNewerDraft.id,
      publishedTitle,
      versionId: versions.docs[0]!.id,
    }
  }

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    users = await createTestUsers(ctx.payload)
    secrets.events = await createSecrets('events')
    // A published news item that links a never-published event: the link must not give it away.
    secrets.news = await createSecrets('news', { relatedEvents: [secrets.events.draftOnly] })
    await ctx.payload.jobs.run()
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const restAnonymous = async (path: string) => {
    const res = await ctx.api.get(path)
    record(`REST ${path}`, res.status, res.body)
    return res
  }

  it.each(['news', 'events'] as const)(
    'should keep %s drafts out of every anonymous REST list',
    async (collection) => {
      const queries = [
        '',
        '?draft=true',
        '?where[_status][equals]=draft',
        '?where[_status][equals]=draft&draft=true',
        '?where[_status][not_equals]=published&draft=true',
        `?where[title][like]=${MARKER}`,
        `?where[title][like]=${MARKER}&draft=true`,
        `?where[or][0][_status][equals]=draft&where[or][1][id][exists]=true`,
        '?select[title]=true&select[summary]=true&select[body]=true',
        '?select[title]=true&draft=true',
        `?populate[${collection === 'news' ? 'events' : 'news'}][title]=true&depth=2`,
        '?locale=*',
        '?locale=*&draft=true',
        '?fallback-locale=none&locale=uk',
        '?fallback-locale=en&locale=az&draft=true',
        '?limit=0&pagination=false',
        ...LOCALES.map((locale) => `?locale=${locale}&draft=true`),
        ...Array.from({ length: 11 }, (_, depth) => `?depth=${depth}&draft=true`),
      ]
      for (const query of queries) {
        const res = await restAnonymous(`/${collection}${query}`)
        expect(res.status).toBe(200)
        const ids = docIds(res.body)
        for (const id of secretIds(collection)) expect(ids).not.toContain(id)
        expect(JSON.stringify(res.body)).not.toContain(MARKER)
      }
    },
  )

  it.each(['news', 'events'] as const)(
    'should answer 404 for unpublished %s by id, whatever the parameters',
    async (collection) => {
      for (const id of [secrets[collection].draftOnly, secrets[collection].scheduled]) {
        for (const query of ['', '?draft=true', '?locale=*&draft=true', '?depth=10&draft=true']) {
          const res = await restAnonymous(`/${collection}/${id}${query}`)
          expect(res.status).toBe(404)
        }
      }
    },
  )

  it.each(['news', 'events'] as const)(
    'should show the published version, not the newer draft, of %s by id',
    async (collection) => {
      for (const query of ['', '?draft=true', '?locale=*&draft=true', '?depth=3&draft=true']) {
        const res = await restAnonymous(
          `/${collection}/${secrets[collection].withNewerDraft}${query}`,
        )
        expect(res.status).toBe(200)
        expect(JSON.stringify(res.body)).not.toContain(MARKER)
      }
    },
  )

  it.each(['news', 'events'] as const)(
    'should refuse the version history of %s to anonymous callers',
    async (collection) => {
      for (const path of [
        `/${collection}/versions`,
        `/${collection}/versions?where[parent][equals]=${secrets[collection].draftOnly}`,
        `/${collection}/versions/${secrets[collection].versionId}`,
      ]) {
        const res = await restAnonymous(path)
        expect(res.status).toBe(403)
      }
    },
  )

  const gqlAnonymous = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await ctx.api.graphql(query, variables)
    record(`GraphQL ${query}`, res.status, res.body)
    return res
  }

  const names = {
    news: {
      plural: 'News',
      singular: 'NewsItem',
      versions: 'versionsNews',
      version: 'versionNewsItem',
    },
    events: {
      plural: 'Events',
      singular: 'Event',
      versions: 'versionsEvents',
      version: 'versionEvent',
    },
  } as const

  const idType = () => (ctx.payload.db.defaultIDType === 'number' ? 'Int' : 'String')

  it.each(['news', 'events'] as const)(
    'should keep %s drafts out of anonymous GraphQL lists',
    async (collection) => {
      const { plural } = names[collection]
      for (const args of [
        'draft: true',
        'draft: true, limit: 0',
        'draft: true, locale: all',
        'draft: true, locale: uk, fallbackLocale: none',
        'where: { _status: { equals: draft } }, draft: true',
        `where: { title: { like: "${MARKER}" } }, draft: true`,
      ]) {
        const res = await gqlAnonymous(`{ ${plural}(${args}) { docs { id title summary } } }`)
        expect(JSON.stringify(res.body)).not.toContain(MARKER)
        const ids = docIds(res.body)
        for (const id of secretIds(collection)) expect(ids).not.toContain(id)
      }
    },
  )

  it.each(['news', 'events'] as const)(
    'should return no unpublished %s by id through GraphQL',
    async (collection) => {
      const { singular } = names[collection]
      for (const id of [secrets[collection].draftOnly, secrets[collection].scheduled]) {
        const res = await gqlAnonymous(
          `query ($id: ${idType()}!) { ${singular}(id: $id, draft: true) { id title summary } }`,
          { id },
        )
        expect(res.body.data?.[singular] ?? null).toBeNull()
      }
      const res = await gqlAnonymous(
        `query ($id: ${idType()}!) { ${singular}(id: $id, draft: true) { title } }`,
        { id: secrets[collection].withNewerDraft },
      )
      expect(res.body.data?.[singular]?.title).toBe(secrets[collection].publishedTitle)
    },
  )

  it.each(['news', 'events'] as const)(
    'should refuse %s versions through GraphQL',
    async (collection) => {
      const { versions, version } = names[collection]
      const list = await gqlAnonymous(`{ ${versions} { docs { id version { title } } } }`)
      expect(list.body.data?.[versions] ?? null).toBeNull()
      expect(list.body.errors?.[0]?.message).toMatch(/not allowed/i)
      const one = await gqlAnonymous(
        `query ($id: ${idType()}!) { ${version}(id: $id) { id version { title } } }`,
        { id: secrets[collection].versionId },
      )
      expect(one.body.data?.[version] ?? null).toBeNull()
    },
  )

  const feedAnonymous = async (url: string) => {
    const res = await callFeed(ctx.payload, url)
    record(`feed ${url}`, res.status, res.text)
    return res
  }

  it('should keep drafts out of the feed JSON, RSS and iCalendar', async () => {
    const urls = [
      '/api/etw/v1/news?limit=50',
      '/api/etw/v1/events?when=upcoming&limit=50',
      '/api/etw/v1/events?when=past&limit=50',
      '/api/etw/v1/news.rss',
      '/api/etw/v1/events.ics',
      ...LOCALES.flatMap((locale) => [
        `/api/etw/v1/news?locale=${locale}`,
        `/api/etw/v1/events?locale=${locale}`,
        `/api/etw/v1/news.rss?locale=${locale}`,
        `/api/etw/v1/events.ics?locale=${locale}`,
      ]),
    ]
    for (const url of urls) {
      const res = await feedAnonymous(url)
      expect(res.status).toBe(200)
      expect(res.text).not.toContain(MARKER)
    }
    const events = await feedAnonymous('/api/etw/v1/events?when=upcoming&limit=50')
    expect(events.text).toContain(secrets.events.publishedTitle)
  })

  it('should give the typed client nothing unpublished', async () => {
    const client = createFeedClient({
      baseUrl: 'http://cms.example.org',
      fetch: async (input) => {
        const url = new URL(String(input))
        const res = await feedAnonymous(`${url.pathname}${url.search}`)
        return new Response(res.text, { status: res.status, headers: res.headers })
      },
    })
    const news = await client.news({ limit: 50 })
    const events = await client.events({ when: 'upcoming', limit: 50 })
    const newsIds = news.items.map((item) => String(item.id))
    const eventIds = events.items.map((item) => String(item.id))
    for (const id of secretIds('news')) expect(newsIds).not.toContain(id)
    for (const id of secretIds('events')) expect(eventIds).not.toContain(id)
    expect(JSON.stringify([news, events])).not.toContain(MARKER)
  })

  it('should not reveal the id of an unpublished event that a published news item links', async () => {
    const hidden = String(secrets.events.draftOnly)
    for (const depth of [0, 1, 2]) {
      const res = await restAnonymous(`/news/${secrets.news.withNewerDraft}?depth=${depth}`)
      const linked = (res.body.relatedEvents as unknown[]).map((event) =>
        typeof event === 'object' && event !== null
          ? String((event as { id: unknown }).id)
          : String(event),
      )
      expect(linked).not.toContain(hidden)
    }
    const gql = await gqlAnonymous(
      `query ($id: ${idType()}!) { NewsItem(id: $id) { relatedEvents { id title } } }`,
      { id: secrets.news.withNewerDraft },
    )
    expect(JSON.stringify(gql.body.data)).not.toContain(MARKER)
    const ids = (gql.body.data?.NewsItem?.relatedEvents ?? []) as ({ id: unknown } | null)[]
    expect(ids.filter(Boolean).map((event) => String(event!.id))).not.toContain(hidden)
  })

  it('should keep links between published documents, even in a cycle', async () => {
    const event = await ctx.payload.create({
      collection: 'events',
      data: { ...textFields('events', 'Linked event'), _status: 'published' } as never,
    })
    const news = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Linking news', relatedEvents: [event.id], _status: 'published' } as never,
    })
    await ctx.payload.update({
      collection: 'events',
      id: event.id,
      data: { relatedNews: [news.id], _status: 'published' } as never,
    })
    const res = await restAnonymous(`/news/${news.id}?depth=0`)
    expect(res.body.relatedEvents).toEqual([event.id])
    const back = await restAnonymous(`/events/${event.id}?depth=0`)
    expect(back.body.relatedNews).toEqual([news.id])
  })

  it('should refuse the users collection and the audit log to anonymous callers', async () => {
    for (const path of [
      '/users',
      '/users?depth=0&limit=0',
      `/users/${users.admin.id}`,
      '/users?where[email][like]=example',
      '/audit-log',
      '/audit-log?limit=100',
    ]) {
      const res = await restAnonymous(path)
      expect(res.status).toBe(403)
    }
    const gql = await gqlAnonymous('{ Users { docs { email } } AuditLog { docs { summary } } }')
    expect(gql.body.data?.Users ?? null).toBeNull()
    expect(gql.body.data?.AuditLog ?? null).toBeNull()
  })

  it('should return no user to an anonymous /users/me', async () => {
    const res = await restAnonymous('/users/me')
    expect(res.status).toBe(200)
    expect(res.body.user).toBeNull()
  })

  const HIDDEN = [
    'hash',
    'salt',
    'apiKey',
    'apiKeyIndex',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'lockUntil',
    'loginAttempts',
  ]

  it('should never show one user the API key or password hash of another', async () => {
    await ctx.payload.update({
      collection: 'users',
      id: users.admin.id,
      data: { enableAPIKey: true, apiKey: `admin-key-${MARKER}` } as never,
    })
    const res = await ctx.api.get(`/users/${users.admin.id}`, { auth: users.editor.auth })
    expect(res.status).toBe(404)
    const list = await ctx.api.get('/users?limit=100', { auth: users.editor.auth })
    expect(list.body.docs.map((user: { id: unknown }) => user.id)).toEqual([users.editor.id])
    expect(JSON.stringify(list.body)).not.toContain(MARKER)
  })

  it('should never return hashes, salts, keys or lock counters, even to an admin', async () => {
    const res = await ctx.api.get('/users?limit=100', { auth: users.admin.auth })
    expect(res.status).toBe(200)
    for (const user of res.body.docs as Record<string, unknown>[]) {
      for (const field of HIDDEN.filter((name) => name !== 'apiKey')) {
        expect(user).not.toHaveProperty(field)
      }
    }
    const gql = await ctx.api.graphql(
      '{ Users { docs { id email } } }',
      {},
      { auth: users.contributor.auth },
    )
    expect(gql.body.data?.Users.docs).toEqual([
      { id: users.contributor.id, email: users.contributor.email },
    ])
  })

  it('should contain no marker and no email address in any anonymous answer', () => {
    expect(seen.length).toBeGreaterThan(100)
    const emails = Object.values(users).map((user) => user.email)
    for (const { door, text } of seen) {
      expect({ door, leak: text.includes(MARKER) }).toEqual({ door, leak: false })
      for (const email of emails) {
        expect({ door, email: text.includes(email) }).toEqual({ door, email: false })
      }
      for (const field of ['"hash"', '"salt"', '"apiKey"', '"sessions"', '"resetPasswordToken"']) {
        expect({ door, field: text.includes(field) }).toEqual({ door, field: false })
      }
    }
  })
})
