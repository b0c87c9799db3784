import { describe, expect, it } from 'vitest'

import { buildQuery, createFeedClient, FeedError } from './client'

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  })

describe('buildQuery', () => {
  it('should sort keys, join arrays with commas and drop empty values', () => {
    expect(
      buildQuery({ metrics: ['teachers', 'schools'], country: 'AZ', locale: undefined, tags: [] }),
    ).toBe('?country=AZ&metrics=teachers%2Cschools')
  })

  it('should give an empty string for an empty query', () => {
    expect(buildQuery({})).toBe('')
  })
})

describe('createFeedClient', () => {
  it('should request the feed path under the base URL', async () => {
    const urls: string[] = []
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org/',
      fetch: async (input) => {
        urls.push(String(input))
        return json({ scope: { kind: 'country', country: 'AZ' }, locale: 'uk', metrics: [] })
      },
    })
    await client.stats({ country: 'AZ', metrics: ['teachers', 'projects'], locale: 'uk' })
    expect(urls).toEqual([
      'https://cms.example.org/api/etw/v1/stats?country=AZ&locale=uk&metrics=teachers%2Cprojects',
    ])
  })

  it('should request one item by its slug, encoded, with its locale', async () => {
    const urls: string[] = []
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org',
      fetch: async (input) => {
        urls.push(String(input))
        return json({ slug: 'a' })
      },
    })
    await client.newsItem('seminar-baku', { locale: 'az' })
    await client.event('a/b')
    expect(urls).toEqual([
      'https://cms.example.org/api/etw/v1/news/seminar-baku?locale=az',
      'https://cms.example.org/api/etw/v1/events/a%2Fb',
    ])
  })

  it('should revalidate with If-None-Match and reuse the body on 304', async () => {
    const sent: (string | null)[] = []
    let calls = 0
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org',
      fetch: async (_input, init) => {
        sent.push(new Headers(init?.headers).get('if-none-match'))
        calls += 1
        return calls === 1
          ? json({ items: ['first'] }, { headers: { etag: '"abc"' } })
          : new Response(null, { status: 304 })
      },
    })
    const first = await client.news({ limit: 5 })
    const second = await client.news({ limit: 5 })
    expect(sent).toEqual([null, '"abc"'])
    expect(second).toEqual(first)
  })

  it('should throw a FeedError with the status, JSON body and Retry-After', async () => {
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org',
      fetch: async () =>
        json(
          {
            error: { code: 'invalid_parameter', message: 'limit must be 1–50', parameter: 'limit' },
          },
          { status: 400, headers: { 'retry-after': '3' } },
        ),
    })
    const error = await client.news({ limit: 500 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FeedError)
    expect(error).toMatchObject({
      status: 400,
      retryAfter: 3,
      message: 'limit must be 1–50',
      body: { error: { parameter: 'limit' } },
    })
  })

  it('should give up after the timeout with status 0', async () => {
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org',
      timeout: 20,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    })
    const error = await client.events().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FeedError)
    expect((error as FeedError).status).toBe(0)
    expect((error as FeedError).message).toMatch(/timed out after 20 ms/)
  })

  it('should stop when the caller aborts', async () => {
    const controller = new AbortController()
    const client = createFeedClient({
      baseUrl: 'https://cms.example.org',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    })
    const pending = client.events({}, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ status: 0 })
  })

  it('should build RSS and iCalendar URLs with the same filters', () => {
    const client = createFeedClient({ baseUrl: 'https://cms.example.org' })
    expect(client.newsRssUrl({ country: 'UA', locale: 'uk' })).toBe(
      'https://cms.example.org/api/etw/v1/news.rss?country=UA&locale=uk',
    )
    expect(client.eventsIcsUrl({ when: 'upcoming' })).toBe(
      'https://cms.example.org/api/etw/v1/events.ics?when=upcoming',
    )
  })
})
