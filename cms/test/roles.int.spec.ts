import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const STATISTIC = { metric: 'teachers', scope: 'country', country: 'AZ', value: 4308 } as const

describeDb('roles through REST and GraphQL with real credentials', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let writer: { id: number | string; auth: string }
  let draftId: number | string
  let publishedId: number | string
  let statisticId: number | string

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const apiKey = 'statistics-writer-key-0123456789abcdef'
    const created = await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'stats-bot@example.org',
        password: 'statistics writer password',
        roles: ['statistics-writer'],
        enableAPIKey: true,
        apiKey,
      } as never,
    })
    writer = { id: created.id, auth: `users API-Key ${apiKey}` }
    draftId = (
      await ctx.payload.create({ collection: 'news', data: { title: 'A draft' }, draft: true })
    ).id
    publishedId = (
      await ctx.payload.create({
        collection: 'news',
        data: { title: 'Published', _status: 'published' },
      })
    ).id
    statisticId = (
      await ctx.payload.create({
        collection: 'statistics',
        data: { ...STATISTIC, asOf: '2024-01-01' } as never,
      })
    ).id
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const statusOf = async (id: number | string) =>
    (await ctx.payload.findByID({ collection: 'news', id, draft: true }))._status

  // Contributors

  it('should refuse a contributor creating published events through REST', async () => {
    const res = await ctx.api.post('/events', {
      auth: users.contributor.auth,
      body: { title: 'Contributor event', _status: 'published' },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse a contributor publishing a draft through GraphQL', async () => {
    const res = await ctx.api.graphql(
      `mutation ($id: ${ctx.payload.db.defaultIDType === 'number' ? 'Int' : 'String'}!) {
        updateNewsItem(id: $id, data: { _status: published }) { id }
      }`,
      { id: draftId },
      { auth: users.contributor.auth },
    )
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await statusOf(draftId)).toBe('draft')
  })

  it('should refuse a contributor editing a published item in place through REST', async () => {
    const res = await ctx.api.patch(`/news/${publishedId}`, {
      auth: users.contributor.auth,
      body: { title: 'Changed live' },
    })
    expect(res.status).toBe(403)
    const live = await ctx.api.get(`/news/${publishedId}`)
    expect(live.body.title).toBe('Published')
  })

  it('should refuse a contributor unpublishing a published item through REST', async () => {
    const res = await ctx.api.patch(`/news/${publishedId}`, {
      auth: users.contributor.auth,
      body: { _status: 'draft' },
    })
    expect(res.status).toBe(403)
    expect(await statusOf(publishedId)).toBe('published')
  })

  it('should refuse a contributor unpublishing a published item through GraphQL', async () => {
    const res = await ctx.api.graphql(
      `mutation ($id: ${ctx.payload.db.defaultIDType === 'number' ? 'Int' : 'String'}!) {
        updateNewsItem(id: $id, data: { _status: draft }) { id }
      }`,
      { id: publishedId },
      { auth: users.contributor.auth },
    )
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
    const live = await ctx.api.get(`/news/${publishedId}`)
    expect(live.body._status).toBe('published')
  })

  it('should let a contributor save a draft of a published item, keeping the live version', async () => {
    const res = await ctx.api.patch(`/news/${publishedId}?draft=true`, {
      auth: users.contributor.auth,
      body: { title: 'Proposed change', _status: 'draft' },
    })
    expect(res.status).toBe(200)
    const live = await ctx.api.get(`/news/${publishedId}`)
    expect(live.body).toMatchObject({ title: 'Published', _status: 'published' })
  })

  it('should not publish what a contributor schedules', async () => {
    // What the admin's schedule drawer queues: refused when queued.
    await expect(
      ctx.payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: 'news', value: String(draftId) },
          user: { relationTo: 'users', value: users.contributor.id },
        } as never,
        waitUntil: new Date(Date.now() - 1_000),
      }),
    ).rejects.toThrow('Contributors cannot schedule publishing')
    // A job that reached the database some other way is refused when it runs.
    await ctx.payload.db.create({
      collection: 'payload-jobs',
      data: {
        input: {
          type: 'publish',
          doc: { relationTo: 'news', value: String(draftId) },
          user: { relationTo: 'users', value: users.contributor.id },
        },
        taskSlug: 'schedulePublish',
        waitUntil: new Date(Date.now() - 1_000).toISOString(),
      },
    })
    await ctx.payload.jobs.run()
    expect(await statusOf(draftId)).toBe('draft')
    expect((await ctx.api.get(`/news/${draftId}`)).status).toBe(404)
  })

  it('should refuse queueing jobs through REST and GraphQL to every team role', async () => {
    for (const user of Object.values(users)) {
      const res = await ctx.api.post('/payload-jobs', {
        auth: user.auth,
        body: { taskSlug: 'schedulePublish', input: { type: 'publish' } },
      })
      expect(res.status).toBe(403)
    }
  })

  it('should refuse a contributor editing another user', async () => {
    const res = await ctx.api.patch(`/users/${users.editor.id}`, {
      auth: users.contributor.auth,
      body: { name: 'Renamed by a contributor' },
    })
    expect([403, 404]).toContain(res.status)
    const editor = await ctx.payload.findByID({ collection: 'users', id: users.editor.id })
    expect(editor.name).toBe('Test editor')
  })

  it('should keep a contributor’s roles when they try to raise them through REST', async () => {
    await ctx.api.patch(`/users/${users.contributor.id}`, {
      auth: users.contributor.auth,
      body: { roles: ['admin'] },
    })
    const self = await ctx.payload.findByID({ collection: 'users', id: users.contributor.id })
    expect(self.roles).toEqual(['contributor'])
  })

  it('should keep a contributor’s roles when they try to raise them through GraphQL', async () => {
    await ctx.api.graphql(
      `mutation ($id: ${ctx.payload.db.defaultIDType === 'number' ? 'Int' : 'String'}!) {
        updateUser(id: $id, data: { roles: [admin] }) { roles }
      }`,
      { id: users.contributor.id },
      { auth: users.contributor.auth },
    )
    const self = await ctx.payload.findByID({ collection: 'users', id: users.contributor.id })
    expect(self.roles).toEqual(['contributor'])
  })

  // Editors

  it('should refuse an editor creating users through REST', async () => {
    const res = await ctx.api.post('/users', {
      auth: users.editor.auth,
      body: { email: 'new@example.org', password: 'a long enough password', roles: ['editor'] },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse an editor creating users through GraphQL', async () => {
    const res = await ctx.api.graphql(
      'mutation { createUser(data: { email: "gql@example.org", password: "long password here", roles: [admin] }) { id } }',
      {},
      { auth: users.editor.auth },
    )
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
    const found = await ctx.payload.find({
      collection: 'users',
      where: { email: { equals: 'gql@example.org' } },
    })
    expect(found.totalDocs).toBe(0)
  })

  it('should refuse an editor updating or deleting another user', async () => {
    const patch = await ctx.api.patch(`/users/${users.contributor.id}`, {
      auth: users.editor.auth,
      body: { roles: ['editor'] },
    })
    expect([403, 404]).toContain(patch.status)
    const del = await ctx.api.delete(`/users/${users.contributor.id}`, { auth: users.editor.auth })
    expect([403, 404]).toContain(del.status)
    const contributor = await ctx.payload.findByID({
      collection: 'users',
      id: users.contributor.id,
    })
    expect(contributor.roles).toEqual(['contributor'])
  })

  it('should keep an editor’s roles when they try to make themselves admin', async () => {
    await ctx.api.patch(`/users/${users.editor.id}`, {
      auth: users.editor.auth,
      body: { roles: ['admin'] },
    })
    const self = await ctx.payload.findByID({ collection: 'users', id: users.editor.id })
    expect(self.roles).toEqual(['editor'])
  })

  it('should let an admin change roles (the rules above are not a broken endpoint)', async () => {
    const res = await ctx.api.patch(`/users/${users.contributor.id}`, {
      auth: users.admin.auth,
      body: { name: 'Renamed by the admin' },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.name).toBe('Renamed by the admin')
  })

  // The statistics writer's API key

  it('should let the statistics-writer key record a snapshot', async () => {
    const res = await ctx.api.post('/statistics', {
      auth: writer.auth,
      body: { ...STATISTIC, value: 4400, asOf: '2025-06-01' },
    })
    expect(res.status).toBe(201)
  })

  it.each([
    ['create news', 'post', '/news', { title: 'Bot news' }],
    ['create published news', 'post', '/news', { title: 'Bot news', _status: 'published' }],
    ['create events', 'post', '/events', { title: 'Bot event' }],
    ['create organizations', 'post', '/organizations', { name: 'Bot org', kind: 'school' }],
    ['create users', 'post', '/users', { email: 'bot2@example.org', password: 'long password' }],
    ['update a snapshot', 'patch', '/statistics/:stat', { value: 1 }],
    ['delete a snapshot', 'delete', '/statistics/:stat', undefined],
    ['update news', 'patch', '/news/:published', { title: 'Bot edit' }],
    ['delete news', 'delete', '/news/:published', undefined],
    ['update its own account', 'patch', '/users/:self', { email: 'bot@evil.example' }],
    ['read the audit log', 'get', '/audit-log', undefined],
    ['read the versions of news', 'get', '/news/versions', undefined],
  ] as const)(
    'should refuse the statistics-writer key to %s',
    async (_label, method, path, body) => {
      const resolved = path
        .replace(':stat', String(statisticId))
        .replace(':published', String(publishedId))
        .replace(':self', String(writer.id))
      const res = await ctx.api[method](resolved, { auth: writer.auth, body })
      expect(res.status).toBe(403)
    },
  )

  it('should show the statistics-writer key published news only', async () => {
    const res = await ctx.api.get('/news?limit=100', { auth: writer.auth })
    expect(res.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['Published'])
    expect((await ctx.api.get(`/news/${draftId}?draft=true`, { auth: writer.auth })).status).toBe(
      404,
    )
  })

  it('should show the statistics-writer key no other user', async () => {
    const res = await ctx.api.get('/users?limit=100', { auth: writer.auth })
    expect(res.body.docs.map((doc: { id: unknown }) => doc.id)).toEqual([writer.id])
  })

  it('should leave the data unchanged after the refused statistics-writer calls', async () => {
    const stat = await ctx.payload.findByID({ collection: 'statistics', id: statisticId })
    expect(stat.value).toBe(4308)
    const news = await ctx.payload.findByID({ collection: 'news', id: publishedId })
    expect(news.title).toBe('Published')
    const self = await ctx.payload.findByID({ collection: 'users', id: writer.id })
    expect(self.email).toBe('stats-bot@example.org')
  })
})
