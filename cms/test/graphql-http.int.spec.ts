import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { GraphQLHandlers } from '../src/graphql'
import { createGraphQLHandlers } from '../src/graphql'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

const ENDPOINT = 'http://localhost:3000/api/graphql'
const NEWS_TITLES = '{ News(sort: "title") { docs { title } } }'

describeDb('GraphQL over GET', () => {
  let ctx: IntContext
  let handlers: GraphQLHandlers
  let editor: TestUser

  const get = async (
    params: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; text: string; json: any }> => {
    const response = await handlers.GET(
      new Request(`${ENDPOINT}?${new URLSearchParams(params)}`, { headers }),
    )
    const text = await response.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  beforeAll(async () => {
    ctx = await bootPayload()
    handlers = createGraphQLHandlers(ctx.config)
    editor = await createTestUser(ctx.payload, 'editor')
    await ctx.payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Published news', publishedAt: '2025-01-01' },
      overrideAccess: true,
    })
    await ctx.payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Draft news' },
      draft: true,
      overrideAccess: true,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('anonymous reads', () => {
    it('should answer a query with published content only', async () => {
      const res = await get({ query: NEWS_TITLES })
      expect(res.status).toBe(200)
      expect(res.json).toEqual({ data: { News: { docs: [{ title: 'Published news' }] } } })
    })

    it('should not show drafts even when they are asked for', async () => {
      const res = await get({ query: '{ News(draft: true) { docs { title } } }' })
      expect(res.json.data.News.docs).toEqual([{ title: 'Published news' }])
    })

    it('should be cacheable by browsers and CDNs', async () => {
      const res = await get({ query: NEWS_TITLES })
      expect(res.headers.get('cache-control')).toBe(
        'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
      )
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding, Authorization, Cookie')
    })

    it('should carry a strong ETag that depends on the body only', async () => {
      const first = await get({ query: NEWS_TITLES })
      const second = await get({ query: NEWS_TITLES })
      const other = await get({ query: '{ News { totalDocs } }' })
      expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
      expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'))
    })

    it('should answer 304 without a body to a matching If-None-Match', async () => {
      const first = await get({ query: NEWS_TITLES })
      const etag = first.headers.get('etag') as string
      const res = await get({ query: NEWS_TITLES }, { 'if-none-match': `"other", ${etag}` })
      expect(res.status).toBe(304)
      expect(res.text).toBe('')
      expect(res.headers.get('etag')).toBe(etag)
      expect(res.headers.get('cache-control')).toMatch(/^public, /)
    })

    it('should answer 200 when If-None-Match does not match', async () => {
      const res = await get({ query: NEWS_TITLES }, { 'if-none-match': '"stale"' })
      expect(res.status).toBe(200)
      expect(res.json.data.News.docs).toHaveLength(1)
    })

    it('should take variables and an operation name', async () => {
      const res = await get({
        query:
          'query Titles($limit: Int) { News(limit: $limit) { docs { title } } } query Count { News { totalDocs } }',
        variables: JSON.stringify({ limit: 1 }),
        operationName: 'Titles',
      })
      expect(res.json).toEqual({ data: { News: { docs: [{ title: 'Published news' }] } } })
    })

    it('should run the consumer queries', async () => {
      const res = await get({ query: '{ newsFeed(limit: 1) { items { title } } }' })
      expect(res.json).toEqual({ data: { newsFeed: { items: [{ title: 'Published news' }] } } })
      expect(res.headers.get('etag')).not.toBeNull()
    })

    it('should answer canAccessAdmin: false to an anonymous caller', async () => {
      const res = await get({ query: '{ Access { canAccessAdmin } }' })
      expect(res.json).toEqual({ data: { Access: { canAccessAdmin: false } } })
    })

    it('should not cache an answer with errors', async () => {
      const res = await get({ query: '{ newsFeed(limit: 500) { locale } }' })
      expect(res.json.errors[0].message).toBe('"limit" must be a whole number from 1 to 50.')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('etag')).toBeNull()
    })
  })

  describe('requests with credentials', () => {
    it('should answer an Authorization header privately, without an ETag', async () => {
      const res = await get({ query: NEWS_TITLES }, { authorization: editor.auth })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect(res.headers.get('etag')).toBeNull()
    })

    it('should show an editor drafts they ask for', async () => {
      const res = await get(
        { query: '{ News(draft: true, sort: "title") { docs { title } } }' },
        { authorization: editor.auth },
      )
      expect(res.json.data.News.docs).toEqual([
        { title: 'Draft news' },
        { title: 'Published news' },
      ])
    })

    it('should answer a request with the auth cookie privately', async () => {
      const token = editor.auth.replace(/^JWT /, '')
      const res = await get(
        { query: NEWS_TITLES },
        { cookie: `theme=dark; payload-token=${token}` },
      )
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect(res.headers.get('etag')).toBeNull()
    })
  })

  describe('refusals', () => {
    it('should refuse a mutation with 405, Allow: POST and a GraphQL error', async () => {
      const res = await get({
        query: 'mutation { createNewsItem(data: { title: "Over GET" }) { id } }',
      })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect(res.json).toEqual({
        errors: [
          {
            message: 'Mutations are not allowed over GET: send them with POST.',
            extensions: { statusCode: 405 },
          },
        ],
      })
      const found = await ctx.payload.find({
        collection: 'news',
        where: { title: { equals: 'Over GET' } },
        overrideAccess: true,
      })
      expect(found.totalDocs).toBe(0)
    })

    it('should refuse a mutation chosen by operationName', async () => {
      const res = await get(
        {
          query:
            'query Read { News { totalDocs } } mutation Write { createNewsItem(data: { title: "x" }) { id } }',
          operationName: 'Write',
        },
        { authorization: editor.auth },
      )
      expect(res.status).toBe(405)
    })

    it('should answer 400 to malformed variables', async () => {
      const res = await get({ query: NEWS_TITLES, variables: '{"limit":' })
      expect(res.status).toBe(400)
      expect(res.json.errors[0].message).toBe('"variables" is not valid JSON: give a JSON object.')
    })

    it('should answer 400 to variables that are not an object', async () => {
      const res = await get({ query: NEWS_TITLES, variables: '[1]' })
      expect(res.status).toBe(400)
      expect(res.json.errors[0].message).toBe('"variables" must be a JSON object.')
    })

    it('should answer 400 without a query', async () => {
      const res = await get({})
      expect(res.status).toBe(400)
      expect(res.json.errors[0].message).toBe('Give the GraphQL document in the "query" parameter.')
    })

    it('should answer 400 to a syntax error, with its location', async () => {
      const res = await get({ query: '{ News { ' })
      expect(res.status).toBe(400)
      expect(res.json.errors[0]).toMatchObject({
        message: expect.stringContaining('Syntax Error'),
        locations: [{ line: 1, column: 10 }],
      })
      expect(res.headers.get('cache-control')).toBe('no-store')
    })
  })

  describe('POST', () => {
    it('should keep answering queries and mutations as Payload does', async () => {
      const response = await handlers.POST(
        new Request(ENDPOINT, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: editor.auth },
          body: JSON.stringify({
            query:
              'mutation ($title: String) { createNewsItem(data: { title: $title }) { title } }',
            variables: { title: 'Over POST' },
          }),
        }),
      )
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ data: { createNewsItem: { title: 'Over POST' } } })
    })

    const post = (body: string) =>
      handlers.POST(
        new Request(ENDPOINT, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      )

    it('should answer 400 to a body that is not JSON', async () => {
      const response = await post('{"query": "{ News { totalDocs } }"')
      expect(response.status).toBe(400)
      const { errors } = (await response.json()) as { errors: { message: string }[] }
      expect(errors[0]?.message).toMatch(/^The request body is not valid JSON/)
    })

    it('should answer 400 to a JSON body that is not an object', async () => {
      const response = await post('["{ News { totalDocs } }"]')
      expect(response.status).toBe(400)
      const { errors } = (await response.json()) as { errors: { message: string }[] }
      expect(errors[0]?.message).toBe('The request body must be a JSON object with a "query".')
    })
  })
})
