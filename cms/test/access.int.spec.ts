import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

describeDb('access rules', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let publishedId: number | string
  let draftOnlyId: number | string

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const { payload } = ctx
    const published = await payload.create({
      collection: 'news',
      data: { title: 'Published title', _status: 'published' },
      overrideAccess: true,
    })
    publishedId = published.id
    // A newer draft on top of the published version.
    await payload.update({
      collection: 'news',
      id: publishedId,
      data: { title: 'Unpublished draft title' },
      draft: true,
      overrideAccess: true,
    })
    const draftOnly = await payload.create({
      collection: 'news',
      data: { title: 'Never published' },
      draft: true,
      overrideAccess: true,
    })
    draftOnlyId = draftOnly.id
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should list only published news for anonymous REST callers', async () => {
    const res = await ctx.api.get('/news?limit=100')
    expect(res.status).toBe(200)
    const titles = res.body.docs.map((doc: { title: string }) => doc.title)
    expect(titles).toEqual(['Published title'])
  })

  it('should not return a never-published item to anonymous REST callers, even with draft=true', async () => {
    expect((await ctx.api.get(`/news/${draftOnlyId}`)).status).toBe(404)
    expect((await ctx.api.get(`/news/${draftOnlyId}?draft=true`)).status).toBe(404)
  })

  it('should show anonymous callers the published version, not the newer draft', async () => {
    const res = await ctx.api.get(`/news/${publishedId}?draft=true`)
    expect(res.status).toBe(200)
    expect(res.body.title).toBe('Published title')
  })

  it('should refuse the versions of news to anonymous callers', async () => {
    const res = await ctx.api.get('/news/versions')
    expect(res.status).toBe(403)
  })

  it('should show editors the draft through REST', async () => {
    const res = await ctx.api.get(`/news/${publishedId}?draft=true`, { auth: users.editor.auth })
    expect(res.body.title).toBe('Unpublished draft title')
  })

  it('should list only published news for anonymous GraphQL callers', async () => {
    const res = await ctx.api.graphql<{ News: { docs: { title: string }[] } }>(
      '{ News(limit: 100) { docs { title } } }',
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data?.News.docs.map((doc) => doc.title)).toEqual(['Published title'])
  })

  it('should show anonymous GraphQL callers no draft when they ask for drafts', async () => {
    const res = await ctx.api.graphql<{ News: { docs: { title: string }[] } }>(
      '{ News(limit: 100, draft: true) { docs { title } } }',
    )
    const titles = res.body.data?.News.docs.map((doc) => doc.title) ?? []
    expect(titles).not.toContain('Unpublished draft title')
    expect(titles).not.toContain('Never published')
  })

  it('should return no GraphQL draft of a never-published item to anonymous callers', async () => {
    const res = await ctx.api.graphql<{ NewsItem: { title: string } | null }>(
      `query ($id: ${typeof draftOnlyId === 'number' ? 'Int' : 'String'}!) { NewsItem(id: $id, draft: true) { title } }`,
      { id: draftOnlyId },
    )
    expect(res.body.data?.NewsItem ?? null).toBeNull()
  })

  it('should let a contributor save a draft through the Local API', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Contributor draft' },
      draft: true,
      overrideAccess: false,
      user: users.contributor.doc,
    })
    expect(doc._status).toBe('draft')
  })

  it('should refuse a contributor publishing through the Local API', async () => {
    await expect(
      ctx.payload.create({
        collection: 'news',
        data: { title: 'Contributor publish', _status: 'published' },
        overrideAccess: false,
        user: users.contributor.doc,
      }),
    ).rejects.toThrow(/not allowed/i)
  })

  it('should refuse a contributor publishing an existing draft through REST', async () => {
    const res = await ctx.api.patch(`/news/${draftOnlyId}`, {
      auth: users.contributor.auth,
      body: { _status: 'published' },
    })
    expect(res.status).toBe(403)
    const check = await ctx.payload.findByID({ collection: 'news', id: draftOnlyId, draft: true })
    expect(check._status).toBe('draft')
  })

  it('should refuse a contributor publishing through GraphQL', async () => {
    const res = await ctx.api.graphql(
      'mutation { createNewsItem(data: { title: "GraphQL publish", _status: published }) { id } }',
      {},
      { auth: users.contributor.auth },
    )
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('should let an editor publish through REST', async () => {
    const res = await ctx.api.post('/news', {
      auth: users.editor.auth,
      body: { title: 'Editor publish', _status: 'published' },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('published')
    const anonymous = await ctx.api.get(`/news/${res.body.doc.id}`)
    expect(anonymous.body.title).toBe('Editor publish')
  })

  it('should refuse a contributor deleting news', async () => {
    const res = await ctx.api.delete(`/news/${publishedId}`, { auth: users.contributor.auth })
    expect(res.status).toBe(403)
  })

  it('should refuse anonymous writes through REST and GraphQL', async () => {
    expect((await ctx.api.post('/news', { body: { title: 'x' } })).status).toBe(403)
    expect(
      (await ctx.api.post('/statistics', { body: { metric: 'teachers', value: 1 } })).status,
    ).toBe(403)
    const res = await ctx.api.graphql('mutation { createNewsItem(data: { title: "x" }) { id } }')
    expect(res.body.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('should let anyone read statistics and organizations', async () => {
    expect((await ctx.api.get('/statistics')).status).toBe(200)
    expect((await ctx.api.get('/organizations')).status).toBe(200)
  })

  it('should refuse statistics snapshots from contributors and accept them from editors', async () => {
    const body = { metric: 'teachers', value: 10, asOf: '2024-01-01', scope: 'programme' }
    expect((await ctx.api.post('/statistics', { auth: users.contributor.auth, body })).status).toBe(
      403,
    )
    expect((await ctx.api.post('/statistics', { auth: users.editor.auth, body })).status).toBe(201)
  })

  it('should refuse user management to editors', async () => {
    const res = await ctx.api.post('/users', {
      auth: users.editor.auth,
      body: { email: 'new@example.org', password: 'a long enough passphrase', roles: ['editor'] },
    })
    expect(res.status).toBe(403)
    const list = await ctx.api.get('/users', { auth: users.editor.auth })
    expect(list.body.docs.map((u: { email: string }) => u.email)).toEqual([users.editor.email])
  })

  it('should not let a contributor grant themselves a role', async () => {
    await ctx.api.patch(`/users/${users.contributor.id}`, {
      auth: users.contributor.auth,
      body: { roles: ['admin'] },
    })
    const user = await ctx.payload.findByID({ collection: 'users', id: users.contributor.id })
    expect(user.roles).toEqual(['contributor'])
  })

  it('should let admins create users with roles', async () => {
    const res = await ctx.api.post('/users', {
      auth: users.admin.auth,
      body: {
        email: 'editor2@example.org',
        password: 'a long enough passphrase',
        roles: ['editor'],
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.roles).toEqual(['editor'])
  })

  it('should refuse the settings to editors and allow them to admins', async () => {
    const denied = await ctx.api.post('/globals/etw-settings', {
      auth: users.editor.auth,
      body: { contactEmail: 'x@example.org' },
    })
    expect(denied.status).toBe(403)
    const allowed = await ctx.api.post('/globals/etw-settings', {
      auth: users.admin.auth,
      body: { contactEmail: 'office@example.org' },
    })
    expect(allowed.status).toBe(200)
  })
})
