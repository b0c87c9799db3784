import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { GraphQLHandlers } from '../src/graphql'
import { createGraphQLHandlers } from '../src/graphql'
import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createApiKeyUser, createTestUser } from './helpers/users'

type Id = number | string
type GraphQLBody = {
  data?: Record<string, any> | null
  errors?: { message: string; extensions?: { statusCode?: number } }[]
}

describeDb('statistics-writer API key', () => {
  let ctx: IntContext
  let handlers: GraphQLHandlers
  let admin: TestUser<'admin'>
  let writer: { id: Id; auth: string }
  const ids: Record<'news' | 'draft' | 'event' | 'organization' | 'media' | 'statistic', Id> = {
    news: 0,
    draft: 0,
    event: 0,
    organization: 0,
    media: 0,
    statistic: 0,
  }

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await handlers.POST(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: writer.auth },
        body: JSON.stringify({ query, variables }),
      }),
    )
    return (await response.json()) as GraphQLBody
  }
  const asWriter = () => ({ auth: writer.auth })
  const latest = async (metric: string) => {
    const res = await callFeed(ctx.payload, `/api/etw/v1/stats?country=AZ&metrics=${metric}`)
    return res.json.metrics[0]
  }
  const firstId = async (
    collection: 'events' | 'media' | 'news' | 'organizations' | 'statistics',
  ) => (await ctx.payload.find({ collection, limit: 1, overrideAccess: true })).docs[0]!.id

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    handlers = createGraphQLHandlers(ctx.config)
    admin = await createTestUser(ctx.payload, 'admin')
    // As an administrator would, over REST: a user with the role, an API key and no way to log in
    // that anyone knows.
    const apiKey = 'statistics-writer-key-0123456789abcdef'
    const created = await ctx.api.post('/users', {
      auth: admin.auth,
      body: {
        email: 'stats-robot@example.org',
        password: 'an unused but required password',
        roles: ['statistics-writer'],
        enableAPIKey: true,
        apiKey,
      },
    })
    expect(created.status).toBe(201)
    writer = { id: created.body.doc.id, auth: `users API-Key ${apiKey}` }
    ids.news = await firstId('news')
    ids.event = await firstId('events')
    ids.organization = await firstId('organizations')
    ids.media = await firstId('media')
    ids.statistic = await firstId('statistics')
    ids.draft = (
      await ctx.payload.create({
        collection: 'news',
        data: { _status: 'draft', title: 'Unpublished plan' },
        draft: true,
        overrideAccess: true,
      })
    ).id
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('what it may do', () => {
    it('should record a snapshot with the createStatistic mutation, shown by the feed', async () => {
      const body = await gql(`mutation {
        createStatistic(data: {
          metric: teachers, value: 4400, asOf: "2026-01-15", scope: country, country: AZ,
          source: { title: "National support service", url: "https://example.org/report" }
        }) { key scopeKey value }
      }`)
      expect(body.errors).toBeUndefined()
      expect(body.data?.createStatistic).toEqual({
        key: 'teachers',
        scopeKey: 'country:AZ',
        value: 4400,
      })
      expect(await latest('teachers')).toMatchObject({ value: 4400, asOf: '2026-01-15' })
    })

    it('should record a snapshot with POST /api/statistics, shown by the feed', async () => {
      const res = await ctx.api.post('/statistics', {
        ...asWriter(),
        body: {
          metric: 'schools',
          value: 1200,
          asOf: '2026-01-16',
          scope: 'country',
          country: 'AZ',
        },
      })
      expect(res.status).toBe(201)
      expect(await latest('schools')).toMatchObject({ value: 1200, asOf: '2026-01-16' })
    })

    it('should accept any key of the role, e.g. one made through the Local API', async () => {
      const other = await createApiKeyUser(ctx.payload, 'statistics-writer', admin)
      const res = await ctx.api.post('/statistics', {
        auth: other.auth,
        body: {
          metric: 'projects',
          value: 5200,
          asOf: '2026-01-17',
          scope: 'country',
          country: 'AZ',
        },
      })
      expect(res.status).toBe(201)
      expect(await latest('projects')).toMatchObject({ value: 5200, asOf: '2026-01-17' })
    })
  })

  describe('what REST refuses', () => {
    const refused: [string, 'delete' | 'patch' | 'post', () => string, unknown?][] = [
      ['create news', 'post', () => '/news', { title: 'By a robot' }],
      ['update news', 'patch', () => `/news/${ids.news}`, { title: 'Changed' }],
      ['delete news', 'delete', () => `/news/${ids.news}`],
      ['create events', 'post', () => '/events', { title: 'Robot event' }],
      ['update events', 'patch', () => `/events/${ids.event}`, { title: 'Changed' }],
      ['delete events', 'delete', () => `/events/${ids.event}`],
      ['create organizations', 'post', () => '/organizations', { name: 'Robots Inc.' }],
      ['update organizations', 'patch', () => `/organizations/${ids.organization}`, { city: 'X' }],
      ['delete organizations', 'delete', () => `/organizations/${ids.organization}`],
      ['create media', 'post', () => '/media', { alt: 'Robot' }],
      ['update media', 'patch', () => `/media/${ids.media}`, { alt: 'Changed' }],
      ['delete media', 'delete', () => `/media/${ids.media}`],
      ['update statistics', 'patch', () => `/statistics/${ids.statistic}`, { value: 1 }],
      ['delete statistics', 'delete', () => `/statistics/${ids.statistic}`],
      ['change its roles', 'patch', () => `/users/${writer.id}`, { roles: ['admin'] }],
      ['change its email', 'patch', () => `/users/${writer.id}`, { email: 'x@example.org' }],
      ['change its password', 'patch', () => `/users/${writer.id}`, { password: 'new password' }],
      ['create users', 'post', () => '/users', { email: 'y@example.org', password: 'p' }],
    ]

    it.each(refused)('should refuse to %s with 403', async (_name, method, path, body) => {
      const res = await ctx.api[method](path(), { ...asWriter(), body })
      expect(res.status).toBe(403)
    })

    it('should leave every refused document as it was', async () => {
      const news = await ctx.payload.findByID({ collection: 'news', id: ids.news })
      const statistic = await ctx.payload.findByID({ collection: 'statistics', id: ids.statistic })
      const self = await ctx.payload.findByID({ collection: 'users', id: writer.id })
      expect(news.title).not.toBe('Changed')
      expect(statistic.value).not.toBe(1)
      expect(self).toMatchObject({ email: 'stats-robot@example.org', roles: ['statistics-writer'] })
    })

    it('should not read drafts', async () => {
      const res = await ctx.api.get('/news?draft=true&limit=100', asWriter())
      const idsRead = res.body.docs.map((doc: { id: Id }) => doc.id)
      expect(idsRead).toContain(ids.news)
      expect(idsRead).not.toContain(ids.draft)
      expect((await ctx.api.get(`/news/${ids.draft}?draft=true`, asWriter())).status).toBe(404)
    })

    it('should read no other user', async () => {
      const res = await ctx.api.get('/users', asWriter())
      expect(res.body.docs.map((doc: { id: Id }) => doc.id)).toEqual([writer.id])
      expect((await ctx.api.get(`/users/${admin.id}`, asWriter())).status).toBe(404)
    })

    it('should not read the audit log', async () => {
      expect((await ctx.api.get('/audit-log', asWriter())).status).toBe(403)
    })

    it('should not have access to the admin panel', async () => {
      const res = await ctx.api.get('/access', asWriter())
      expect(res.status).toBe(200)
      // Payload leaves `canAccessAdmin` out when it is false.
      expect(res.body.canAccessAdmin).toBeUndefined()
      expect((await ctx.api.get('/access', { auth: admin.auth })).body.canAccessAdmin).toBe(true)
    })
  })

  describe('what GraphQL refuses', () => {
    const forbidden = (body: GraphQLBody) => {
      expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    }

    it.each([
      ['create news', 'mutation { createNewsItem(data: { title: "x" }) { id } }'],
      [
        'create events',
        `mutation { createEvent(data: {
          title: "x", startsAt: "2030-01-01T09:00:00Z", endsAt: "2030-01-01T10:00:00Z",
          timeZone: "Asia/Baku", format: online, kind: webinar
        }) { id } }`,
      ],
      [
        'create organizations',
        'mutation { createOrganization(data: { name: "x", kind: school }) { id } }',
      ],
    ])('should refuse to %s', async (_name, mutation) => {
      forbidden(await gql(mutation))
    })

    it('should refuse to update and delete statistics', async () => {
      forbidden(
        await gql('mutation ($id: Int!) { updateStatistic(id: $id, data: { value: 1 }) { id } }', {
          id: ids.statistic,
        }),
      )
      forbidden(
        await gql('mutation ($id: Int!) { deleteStatistic(id: $id) { id } }', {
          id: ids.statistic,
        }),
      )
    })

    it('should refuse to delete news, events, organizations and media', async () => {
      for (const [mutation, id] of [
        ['deleteNewsItem', ids.news],
        ['deleteEvent', ids.event],
        ['deleteOrganization', ids.organization],
        ['deleteMediaItem', ids.media],
      ] as const) {
        forbidden(await gql(`mutation ($id: Int!) { ${mutation}(id: $id) { id } }`, { id }))
      }
    })

    it('should refuse to change its own account', async () => {
      forbidden(
        await gql(
          'mutation ($id: Int!) { updateUser(id: $id, data: { roles: admin, email: "x@example.org" }) { id } }',
          { id: writer.id },
        ),
      )
    })

    it('should see published news only, and no other user', async () => {
      const body = await gql(
        '{ News(draft: true, limit: 100) { docs { id } } Users { docs { id } } }',
      )
      const news = body.data?.News.docs.map((doc: { id: Id }) => doc.id)
      expect(news).not.toContain(ids.draft)
      expect(body.data?.Users.docs).toEqual([{ id: writer.id }])
    })

    it('should not read the audit log', async () => {
      const body = await gql('{ AuditLog { docs { id } } }')
      forbidden(body)
    })

    it('should not have access to the admin panel', async () => {
      const body = await gql('{ Access { canAccessAdmin } }')
      expect(body.data?.Access).toEqual({ canAccessAdmin: false })
    })
  })
})
