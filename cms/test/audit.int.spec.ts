import { CLIENT_ADDRESS_HEADER } from '@etw/payload-plugin'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

type Entry = {
  action: string
  summary?: string | null
  targetCollection?: string | null
  documentId?: string | null
  user?: number | string | { id: number | string } | null
  userEmail?: string | null
  clientAddress?: string | null
  createdAt: string
}

const idOf = (user: Entry['user']) => (typeof user === 'object' && user ? user.id : user)

describeDb('audit trail', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let apiKeyAuth: string

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const apiKey = 'audit-test-statistics-writer-key-0123456789'
    await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'machine@example.org',
        password: 'machine client passphrase',
        roles: ['statistics-writer'],
        enableAPIKey: true,
        apiKey,
      },
      overrideAccess: true,
    })
    apiKeyAuth = `users API-Key ${apiKey}`
  })

  afterAll(async () => {
    await ctx?.close()
  })

  // SQLite hands the id of a deleted document to the next one, so each test reads only the entries
  // written since it started.
  let testStart = new Date(0)
  beforeEach(() => {
    testStart = new Date(Date.now() - 1)
  })

  /** Every entry about one document written during the current test, oldest first. */
  const entriesFor = async (collection: string, id: number | string): Promise<Entry[]> => {
    const { docs } = await ctx.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { targetCollection: { equals: collection } },
          { documentId: { equals: String(id) } },
          { createdAt: { greater_than_equal: testStart.toISOString() } },
        ],
      },
      sort: 'createdAt',
      depth: 0,
      limit: 100,
    })
    return docs as unknown as Entry[]
  }

  const createDraft = async (title: string) => {
    const res = await ctx.api.post('/news?draft=true', {
      auth: users.editor.auth,
      body: { title },
    })
    expect(res.status).toBe(201)
    return res.body.doc.id as number | string
  }

  const publish = (id: number | string, user: TestUser = users.editor) =>
    ctx.api.patch(`/news/${id}`, { auth: user.auth, body: { _status: 'published' } })

  const expectRecent = (entry: Entry | undefined) => {
    const age = Date.now() - Date.parse(String(entry?.createdAt))
    expect(age).toBeGreaterThanOrEqual(0)
    expect(age).toBeLessThan(60_000)
  }

  describe('what is recorded', () => {
    it('should record who published what and when', async () => {
      const id = await createDraft('Audit publish')
      expect(await entriesFor('news', id)).toEqual([])
      expect((await publish(id)).status).toBe(200)

      const entries = await entriesFor('news', id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        action: 'publish',
        summary: 'Audit publish',
        targetCollection: 'news',
        documentId: String(id),
        userEmail: users.editor.email,
      })
      expect(idOf(entries[0]?.user)).toEqual(users.editor.id)
      expectRecent(entries[0])
    })

    it('should record an unpublish', async () => {
      const id = await createDraft('Audit unpublish')
      await publish(id)
      const res = await ctx.api.patch(`/news/${id}`, {
        auth: users.admin.auth,
        body: { _status: 'draft' },
      })
      expect(res.status).toBe(200)

      const entries = await entriesFor('news', id)
      expect(entries.map((entry) => entry.action)).toEqual(['publish', 'unpublish'])
      expect(entries[1]?.userEmail).toBe(users.admin.email)
    })

    it('should not take a new draft of a published item for an unpublish', async () => {
      const id = await createDraft('Audit draft on top')
      await publish(id)
      const res = await ctx.api.patch(`/news/${id}?draft=true`, {
        auth: users.editor.auth,
        body: { title: 'Audit draft on top, edited' },
      })
      expect(res.status).toBe(200)
      const published = await ctx.api.get(`/news/${id}`)
      expect(published.body.title).toBe('Audit draft on top')

      expect((await entriesFor('news', id)).map((entry) => entry.action)).toEqual(['publish'])
    })

    it('should record a delete with the title the document had', async () => {
      const id = await createDraft('Audit delete')
      const res = await ctx.api.delete(`/news/${id}`, { auth: users.editor.auth })
      expect(res.status).toBe(200)

      const entries = await entriesFor('news', id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        action: 'delete',
        summary: 'Audit delete',
        userEmail: users.editor.email,
      })
    })

    it('should record the delete of a document without drafts (an organization)', async () => {
      const org = await ctx.payload.create({
        collection: 'organizations',
        data: { name: 'Audit organization', kind: 'school', country: 'AZ' },
        overrideAccess: true,
      })
      await ctx.api.delete(`/organizations/${org.id}`, { auth: users.admin.auth })
      expect((await entriesFor('organizations', org.id))[0]).toMatchObject({
        action: 'delete',
        summary: 'Audit organization',
        userEmail: users.admin.email,
      })
    })

    it('should record a login with the client address', async () => {
      const res = await ctx.api.post('/users/login', {
        body: { email: users.contributor.email, password: 'correct horse battery contributor' },
        headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.77' },
      })
      expect(res.status).toBe(200)

      const entries = (await entriesFor('users', users.contributor.id)).filter(
        (entry) => entry.action === 'login',
      )
      const last = entries.at(-1)
      expect(last).toMatchObject({
        action: 'login',
        clientAddress: '203.0.113.77',
        userEmail: users.contributor.email,
        summary: users.contributor.email,
      })
      expect(idOf(last?.user)).toEqual(users.contributor.id)
      expectRecent(last)
    })

    it('should not record a failed login as a login', async () => {
      const before = (await entriesFor('users', users.editor.id)).length
      const res = await ctx.api.post('/users/login', {
        body: { email: users.editor.email, password: 'not the right passphrase' },
        headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.78' },
      })
      expect(res.status).toBe(401)
      expect(await entriesFor('users', users.editor.id)).toHaveLength(before)
    })

    it('should record a scheduled publish by the job runner with no user', async () => {
      const id = await createDraft('Audit scheduled')
      await ctx.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'news', value: String(id) } } as never,
        waitUntil: new Date(Date.now() - 1_000),
      })
      await ctx.payload.jobs.run()

      const entries = await entriesFor('news', id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'publish', summary: 'Audit scheduled' })
      expect(entries[0]?.user ?? null).toBeNull()
      expect(entries[0]?.userEmail ?? null).toBeNull()
    })

    it('should record a scheduled publish under the editor who scheduled it', async () => {
      const id = await createDraft('Audit scheduled by editor')
      await ctx.payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: 'news', value: String(id) },
          user: { relationTo: 'users', value: users.editor.id },
        } as never,
        waitUntil: new Date(Date.now() - 1_000),
      })
      await ctx.payload.jobs.run()

      const entries = await entriesFor('news', id)
      expect(entries.map((entry) => [entry.action, entry.userEmail])).toEqual([
        ['publish', users.editor.email],
      ])
    })
  })

  describe('transactions', () => {
    it('should leave no entry when the change it records is rolled back', async () => {
      const id = await createDraft('Audit rolled back')
      const req = await createLocalReq({ user: users.editor.doc as never }, ctx.payload)
      await initTransaction(req)
      await ctx.payload.update({
        collection: 'news',
        id,
        data: { _status: 'published' },
        overrideAccess: true,
        req,
      })
      await killTransaction(req)

      expect(await entriesFor('news', id)).toEqual([])
      const doc = await ctx.payload.findByID({ collection: 'news', id, draft: false })
      expect(doc._status).toBe('draft')
    })

    it('should leave no entry when a publish is refused', async () => {
      const id = await createDraft('Audit refused')
      const res = await publish(id, users.contributor)
      expect(res.status).toBe(403)
      expect(await entriesFor('news', id)).toEqual([])
    })
  })

  describe('access', () => {
    it('should let an administrator read the trail through REST and GraphQL', async () => {
      const rest = await ctx.api.get('/audit-log?limit=5', { auth: users.admin.auth })
      expect(rest.status).toBe(200)
      expect(rest.body.totalDocs).toBeGreaterThan(0)

      const gql = await ctx.api.graphql<{ AuditLog: { docs: { action: string }[] } }>(
        '{ AuditLog(limit: 5) { docs { action summary userEmail clientAddress createdAt } } }',
        undefined,
        { auth: users.admin.auth },
      )
      expect(gql.body.errors).toBeUndefined()
      expect(gql.body.data?.AuditLog.docs.length).toBeGreaterThan(0)
    })

    it.each([
      ['an editor', () => users.editor.auth],
      ['a contributor', () => users.contributor.auth],
      ['an API key', () => apiKeyAuth],
      ['an anonymous caller', () => undefined],
    ])('should refuse %s to read the trail', async (_label, auth) => {
      const rest = await ctx.api.get('/audit-log', { auth: auth() })
      expect(rest.status).toBe(403)
      const gql = await ctx.api.graphql('{ AuditLog { docs { action } } }', undefined, {
        auth: auth(),
      })
      expect(gql.body.data?.AuditLog ?? null).toBeNull()
      expect(gql.body.errors?.[0]?.message).toMatch(/not allowed/i)
    })

    it('should let nobody, not even an administrator, write an entry through REST', async () => {
      const [existing] = (await ctx.payload.find({ collection: 'audit-log', limit: 1, depth: 0 }))
        .docs
      const id = existing?.id as number | string
      const before = (await ctx.payload.count({ collection: 'audit-log' })).totalDocs

      const created = await ctx.api.post('/audit-log', {
        auth: users.admin.auth,
        body: { action: 'login', summary: 'forged' },
      })
      expect(created.status).toBe(403)
      const updated = await ctx.api.patch(`/audit-log/${id}`, {
        auth: users.admin.auth,
        body: { summary: 'rewritten' },
      })
      expect(updated.status).toBe(403)
      const deleted = await ctx.api.delete(`/audit-log/${id}`, { auth: users.admin.auth })
      expect(deleted.status).toBe(403)

      expect((await ctx.payload.count({ collection: 'audit-log' })).totalDocs).toBe(before)
      const again = await ctx.payload.findByID({ collection: 'audit-log', id })
      expect(again.summary).toBe(existing?.summary)
    })

    it('should let nobody write an entry through GraphQL', async () => {
      const [existing] = (await ctx.payload.find({ collection: 'audit-log', limit: 1, depth: 0 }))
        .docs
      const before = (await ctx.payload.count({ collection: 'audit-log' })).totalDocs
      const mutations = [
        'mutation { createAuditEntry(data: { action: login, summary: "forged" }) { id } }',
        `mutation { updateAuditEntry(id: ${JSON.stringify(existing?.id)}, data: { summary: "rewritten" }) { id } }`,
        `mutation { deleteAuditEntry(id: ${JSON.stringify(existing?.id)}) { id } }`,
      ]
      for (const mutation of mutations) {
        const res = await ctx.api.graphql(mutation, undefined, { auth: users.admin.auth })
        expect(res.body.errors?.length).toBeGreaterThan(0)
      }
      expect((await ctx.payload.count({ collection: 'audit-log' })).totalDocs).toBe(before)
    })
  })
})
