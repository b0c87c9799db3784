import type { IncomingHttpHeaders, Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

interface Received {
  body: string
  headers: IncomingHttpHeaders
}

/** A system that receives webhooks on 127.0.0.1 and answers with the next of `answers` (then 200). */
const startReceiver = async () => {
  const received: Received[] = []
  const answers: number[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers })
      res.statusCode = answers.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    answers,
    port,
    received,
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describeDb('webhooks', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let endpoint: { id: number | string; secret: string }

  const deliveries = async () =>
    (
      await ctx.payload.find({
        collection: 'webhook-deliveries',
        depth: 0,
        pagination: false,
        sort: 'createdAt',
      })
    ).docs

  const publishNews = async (title: string) => {
    const res = await ctx.api.post('/news', {
      auth: users.editor.auth,
      body: { title, summary: 'A summary', _status: 'published' },
    })
    expect(res.status).toBe(201)
    return res.body.doc as { id: number | string }
  }

  beforeAll(async () => {
    process.env.ETW_WEBHOOKS_ALLOW_PRIVATE = 'true'
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    receiver = await startReceiver()
    const res = await ctx.api.post('/webhook-endpoints', {
      auth: users.admin.auth,
      body: {
        url: receiver.url,
        events: ['published', 'unpublished', 'updated', 'deleted', 'recorded'],
        collections: ['news', 'events', 'statistics'],
      },
    })
    expect(res.status).toBe(201)
    endpoint = res.body.doc
  })

  afterEach(async () => {
    process.env.ETW_WEBHOOKS_ALLOW_PRIVATE = 'true'
    receiver.answers.length = 0
    receiver.received.length = 0
    await ctx.payload.delete({ collection: 'webhook-deliveries', where: { id: { exists: true } } })
    await ctx.payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
  })

  afterAll(async () => {
    delete process.env.ETW_WEBHOOKS_ALLOW_PRIVATE
    await receiver?.close()
    await ctx?.close()
  })

  it('should give a new endpoint its own Standard Webhooks secret', () => {
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
  })

  it('should sign a publication so that the standardwebhooks library verifies it', async () => {
    const news = await publishNews('Webhook news')
    await ctx.payload.jobs.run()

    expect(receiver.received).toHaveLength(1)
    const [request] = receiver.received
    const verified = new Webhook(endpoint.secret).verify(
      request!.body,
      request!.headers as Record<string, string>,
    ) as { type: string; data: { id: string; item: { link: string; title: string } } }
    expect(verified.type).toBe('news.published')
    expect(verified.data.id).toBe(String(news.id))
    expect(verified.data.item.title).toBe('Webhook news')
    // The item's public page, as the feed links it.
    expect(verified.data.item.link).toMatch(/\/en\/news\/webhook-news$/)
  })

  it('should refuse a signature made with another secret', async () => {
    await publishNews('Tampered news')
    await ctx.payload.jobs.run()
    const [request] = receiver.received
    const other = new Webhook('whsec_' + Buffer.alloc(24, 7).toString('base64'))
    expect(() => other.verify(request!.body, request!.headers as Record<string, string>)).toThrow()
  })

  it('should retry after a 500 with backoff, then log the success', async () => {
    receiver.answers.push(500)
    const before = Date.now()
    await publishNews('Retried news')
    await ctx.payload.jobs.run()

    const [failed] = await deliveries()
    expect(failed).toMatchObject({ attempts: 1, responseCode: 500, status: 'retrying' })
    const wait = new Date(failed!.nextTryAt as string).getTime() - before
    expect(wait).toBeGreaterThanOrEqual(30_000)
    expect(wait).toBeLessThan(40_000)

    // Nothing is sent again before the next try is due.
    await ctx.payload.jobs.run()
    expect(receiver.received).toHaveLength(1)

    const { docs: jobs } = await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'etwDeliverWebhook' } },
    })
    await ctx.payload.update({
      collection: 'payload-jobs',
      id: jobs[0]!.id,
      data: { waitUntil: new Date(Date.now() - 1_000).toISOString() },
    })
    await ctx.payload.jobs.run()

    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[1]!.headers['webhook-id']).toBe(
      receiver.received[0]!.headers['webhook-id'],
    )
    const [delivered] = await deliveries()
    expect(delivered).toMatchObject({
      attempts: 2,
      nextTryAt: null,
      responseCode: 200,
      status: 'succeeded',
    })
    expect(typeof delivered!.durationMs).toBe('number')
  })

  it('should not follow a redirect', async () => {
    receiver.answers.push(307)
    await publishNews('Redirected news')
    await ctx.payload.jobs.run()
    expect(receiver.received).toHaveLength(1)
    const [delivery] = await deliveries()
    expect(delivery).toMatchObject({ responseCode: 307, status: 'retrying' })
  })

  it('should announce an update, an unpublication and a delete of a published item', async () => {
    const news = await publishNews('Lifecycle news')
    await ctx.api.patch(`/news/${news.id}`, {
      auth: users.editor.auth,
      body: { summary: 'Changed', _status: 'published' },
    })
    await ctx.api.patch(`/news/${news.id}?draft=true`, {
      auth: users.editor.auth,
      body: { summary: 'A draft nobody reads yet' },
    })
    await ctx.api.patch(`/news/${news.id}`, {
      auth: users.editor.auth,
      body: { _status: 'draft' },
    })
    await ctx.api.patch(`/news/${news.id}`, {
      auth: users.editor.auth,
      body: { _status: 'published' },
    })
    await ctx.api.delete(`/news/${news.id}`, { auth: users.editor.auth })
    expect((await deliveries()).map((delivery) => delivery.type)).toEqual([
      'news.published',
      'news.updated',
      'news.unpublished',
      'news.published',
      'news.deleted',
    ])
  })

  it('should announce a recorded statistics snapshot', async () => {
    const res = await ctx.api.post('/statistics', {
      auth: users.editor.auth,
      body: {
        metric: 'teachers',
        value: 4308,
        asOf: '2025-05-01',
        scope: 'country',
        country: 'AZ',
      },
    })
    expect(res.status).toBe(201)
    const [delivery] = await deliveries()
    expect(delivery!.type).toBe('statistics.recorded')
    expect((delivery!.payload as { data: { item: unknown } }).data.item).toMatchObject({
      country: 'AZ',
      metric: 'teachers',
      value: 4308,
    })
  })

  it('should refuse to register a loopback or private address, resolved names included', async () => {
    delete process.env.ETW_WEBHOOKS_ALLOW_PRIVATE
    for (const url of [
      'http://127.0.0.1:9/hooks',
      'http://localhost:9/hooks',
      'http://10.0.0.8/hooks',
      'http://169.254.169.254/latest',
      'http://[::1]:9/hooks',
    ]) {
      const res = await ctx.api.post('/webhook-endpoints', {
        auth: users.admin.auth,
        body: { url, events: ['published'], collections: ['news'] },
      })
      expect(res.status, url).toBe(400)
      expect(JSON.stringify(res.body), url).toContain('loopback, private or link-local')
    }
  })

  it('should not send to a private address when the operator does not allow it', async () => {
    delete process.env.ETW_WEBHOOKS_ALLOW_PRIVATE
    await publishNews('Refused news')
    await ctx.payload.jobs.run()
    expect(receiver.received).toHaveLength(0)
    const [delivery] = await deliveries()
    expect(delivery).toMatchObject({ responseCode: null, status: 'retrying' })
    expect(delivery!.lastError).toContain('127.0.0.1, a loopback, private or link-local address')
  })

  it('should let only admins read the delivery log and the endpoints', async () => {
    await publishNews('Logged news')
    for (const role of ['editor', 'contributor'] as const) {
      expect((await ctx.api.get('/webhook-deliveries', { auth: users[role].auth })).status).toBe(
        403,
      )
      expect((await ctx.api.get('/webhook-endpoints', { auth: users[role].auth })).status).toBe(403)
    }
    expect((await ctx.api.get('/webhook-deliveries')).status).toBe(403)
    const res = await ctx.api.get('/webhook-deliveries', { auth: users.admin.auth })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
  })

  it('should redeliver a logged message with the same webhook-id, for admins only', async () => {
    await publishNews('Redelivered news')
    await ctx.payload.jobs.run()
    const [delivery] = await deliveries()

    const refused = await ctx.api.post(`/webhook-deliveries/${delivery!.id}/redeliver`, {
      auth: users.editor.auth,
    })
    expect(refused.status).toBe(403)
    const accepted = await ctx.api.post(`/webhook-deliveries/${delivery!.id}/redeliver`, {
      auth: users.admin.auth,
    })
    expect(accepted.status).toBe(202)
    await ctx.payload.jobs.run()

    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[1]!.headers['webhook-id']).toBe(delivery!.messageId)
    expect((await deliveries())[0]).toMatchObject({ attempts: 2, status: 'succeeded' })
  })
})
