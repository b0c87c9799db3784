import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createFeedClient, FeedError } from '@etw/client'
import { getFeed } from '@etw/payload-plugin'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { isFeedPath, serveFeed } from '../src/feed-server'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

describeDb('@etw/client against a running feed server', () => {
  let ctx: IntContext
  let server: ReturnType<typeof createServer>
  let baseUrl: string
  let requests: { url: string; ifNoneMatch: string | undefined }[]

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    const feed = getFeed(ctx.payload)
    requests = []
    // The same request path as `src/server.ts`, minus Next for everything that is not the feed.
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] })
      if (!isFeedPath(req.url ?? '')) {
        res.writeHead(404).end()
        return
      }
      void serveFeed(feed, req, res).then((handled) => {
        if (!handled) res.writeHead(404).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await ctx?.close()
  })

  it('should read the latest Azerbaijan figures with Ukrainian labels', async () => {
    const client = createFeedClient({ baseUrl })
    const stats = await client.stats({
      country: 'AZ',
      metrics: ['teachers', 'schools', 'projects'],
      locale: 'uk',
    })
    expect(stats.metrics.map(({ key, value }) => [key, value])).toEqual([
      ['teachers', 4308],
      ['schools', 1141],
      ['projects', 5103],
    ])
    expect(stats.metrics[0]?.label).not.toBe('teachers')
  })

  it('should revalidate with the ETag and get 304 on the second read', async () => {
    const client = createFeedClient({ baseUrl })
    const first = await client.news({ limit: 2 })
    const second = await client.news({ limit: 2 })
    expect(second).toEqual(first)
    const newsRequests = requests.filter((request) => request.url.includes('/news?limit=2'))
    expect(newsRequests.at(-1)?.ifNoneMatch).toMatch(/^"/)
    expect(first.items.map((item) => item.title)).toContain('eTwinning Seminar was held in Baku')
  })

  it('should list the Baku seminar among past events in its time zone', async () => {
    const client = createFeedClient({ baseUrl })
    const { items } = await client.events({ when: 'past' })
    const baku = items.find((item) => item.timeZone === 'Asia/Baku')
    expect(baku?.start).toBe('2023-05-15T05:00:00.000Z')
    expect(baku?.participatingCountries).toEqual(expect.arrayContaining(['AL', 'SI']))
  })

  it('should report the database as reachable', async () => {
    const health = await createFeedClient({ baseUrl }).health()
    expect(health).toMatchObject({ status: 'ok', database: 'ok' })
  })

  it('should surface a 400 as a FeedError naming the parameter', async () => {
    const error = await createFeedClient({ baseUrl })
      .news({ country: 'XX' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FeedError)
    expect((error as FeedError).status).toBe(400)
    expect((error as FeedError).body?.error.parameter).toBe('country')
  })
})
