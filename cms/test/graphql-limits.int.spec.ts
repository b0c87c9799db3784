import { getIntrospectionQuery } from 'graphql'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { GraphQLHandlers } from '../src/graphql'
import { createGraphQLHandlers, createPlaygroundHandler, GRAPHQL_LIMITS } from '../src/graphql'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

const ENDPOINT = 'http://localhost:3000/api/graphql'

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { message: string }[] }

describeDb('GraphQL limits', () => {
  let ctx: IntContext
  let handlers: GraphQLHandlers
  const savedEnv = { ...process.env }

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await handlers.POST(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }),
    )
    return { status: response.status, body: (await response.json()) as GraphQLBody }
  }
  const get = async (query: string) => {
    const response = await handlers.GET(
      new Request(`${ENDPOINT}?query=${encodeURIComponent(query)}`),
    )
    return { status: response.status, body: (await response.json()) as GraphQLBody }
  }
  const firstError = (body: GraphQLBody) => body.errors?.[0]?.message ?? ''
  // Restored after each test.
  const inProduction = () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
  }

  beforeAll(async () => {
    ctx = await bootPayload()
    handlers = createGraphQLHandlers(ctx.config)
  })

  afterEach(() => {
    for (const name of ['NODE_ENV', 'ETW_GRAPHQL_INTROSPECTION', 'ETW_GRAPHQL_PLAYGROUND']) {
      if (savedEnv[name] === undefined) delete process.env[name]
      else process.env[name] = savedEnv[name]
    }
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('depth', () => {
    /** `News > docs > (relatedEvents | relatedNews) × n > id`: depth n + 3. */
    const ofDepth = (depth: number): string => {
      let selection = 'id'
      for (let level = depth - 3; level > 0; level -= 1) {
        selection = `${level % 2 === 1 ? 'relatedEvents' : 'relatedNews'} { ${selection} }`
      }
      return `{ News { docs { ${selection} } } }`
    }

    it('should run a query at the depth limit', async () => {
      const res = await post(ofDepth(GRAPHQL_LIMITS.maxDepth))
      expect(res.body.errors).toBeUndefined()
    })

    it('should refuse a query deeper than the limit, over POST and GET', async () => {
      const query = ofDepth(GRAPHQL_LIMITS.maxDepth + 1)
      for (const res of [await post(query), await get(query)]) {
        expect(res.body.data ?? null).toBeNull()
        expect(firstError(res.body)).toContain(
          `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded`,
        )
      }
    })
  })

  describe('aliases', () => {
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `a${index}: Organizations { totalDocs }`).join(' ')} }`

    it('should run a query with as many aliases as allowed', async () => {
      const res = await post(aliased(GRAPHQL_LIMITS.maxAliases))
      expect(res.body.errors).toBeUndefined()
    })

    it('should refuse a query with more aliases than allowed', async () => {
      const res = await post(aliased(GRAPHQL_LIMITS.maxAliases + 1))
      expect(firstError(res.body)).toContain(
        `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded`,
      )
    })
  })

  describe('directives', () => {
    const withDirectives = (count: number) =>
      `{ Organizations { ${'totalDocs @include(if: true) '.repeat(count)} } }`

    it('should run a query with as many directives as allowed', async () => {
      const res = await post(withDirectives(GRAPHQL_LIMITS.maxDirectives))
      expect(res.body.errors).toBeUndefined()
    })

    it('should refuse a query with more directives than allowed', async () => {
      const res = await post(withDirectives(GRAPHQL_LIMITS.maxDirectives + 1))
      expect(firstError(res.body)).toContain(
        `Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded`,
      )
    })
  })

  describe('cost', () => {
    // Relationship fields cost 10 each; fragments add cost without aliases or depth.
    const expensive = (fragments: number) => {
      const names = Array.from({ length: fragments }, (_, index) => `F${index}`)
      return [
        `{ News { docs { ${names.map((name) => `...${name}`).join(' ')} } } }`,
        ...names.map(
          (name) =>
            `fragment ${name} on NewsItem { cover { id } organization { id } relatedEvents { id } }`,
        ),
      ].join('\n')
    }

    it('should run a query that costs less than the limit', async () => {
      const res = await post(expensive(10))
      expect(res.body.errors).toBeUndefined()
    })

    it('should refuse a query that costs more than the limit', async () => {
      const res = await post(expensive(30))
      expect(res.body.data ?? null).toBeNull()
      expect(firstError(res.body)).toContain(
        `exceeds the maximum complexity of ${GRAPHQL_LIMITS.maxComplexity}`,
      )
    })
  })

  describe('cost of lists', () => {
    it('should run a list of fifty documents with their relations', async () => {
      const res = await post(
        '{ News(limit: 50) { docs { title cover { url } organization { name } } } }',
      )
      expect(res.body.errors).toBeUndefined()
    })

    it('should price every document at once (limit 0) as the 100-document clamp', async () => {
      const res = await post('{ News(limit: 0) { docs { title } } }')
      expect(res.body.errors).toBeUndefined()
      const { News } = res.body.data as { News: { docs: unknown[] } }
      expect(News.docs.length).toBeLessThanOrEqual(100)
    })

    it('should price every document at once (pagination false) as the 100-document clamp', async () => {
      const res = await post('{ Organizations(pagination: false) { docs { name } } }')
      expect(res.body.errors).toBeUndefined()
    })

    it('should refuse every document at once with their relations', async () => {
      const res = await post(
        `{ News(pagination: false) { docs { title summary cover { url alt } organization { name city }
            relatedEvents { title organizers { name city website } cover { url alt } relatedNews { title } } } } }`,
      )
      expect(firstError(res.body)).toContain('exceeds the maximum complexity')
    })

    it('should refuse a long list of documents with their relations', async () => {
      const res = await post(
        `{ News(limit: 1000) { docs { title summary cover { url alt } organization { name city }
            relatedEvents { title organizers { name city website } cover { url alt } relatedNews { title } } } } }`,
      )
      expect(firstError(res.body)).toContain('exceeds the maximum complexity')
    })
  })

  describe('body size', () => {
    it('should answer 413 with a JSON error to a body over the limit, before parsing it', async () => {
      const body = `{"query":"{ __typename }","padding":"${'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes)}"}`
      const response = await handlers.POST(
        new Request(ENDPOINT, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      )
      expect(response.status).toBe(413)
      expect(await response.json()).toMatchObject({
        errors: [{ message: expect.stringContaining(`${GRAPHQL_LIMITS.maxBodyBytes} bytes`) }],
      })
    })

    it('should answer 413 to a streamed body over the limit without a Content-Length', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
      let sent = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength
          controller.enqueue(chunk)
          // Far more than the limit: the handler must stop reading on its own.
          if (sent > GRAPHQL_LIMITS.maxBodyBytes * 8) controller.close()
        },
      })
      const response = await handlers.POST(
        new Request(ENDPOINT, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      )
      expect(response.status).toBe(413)
      expect(sent).toBeLessThan(GRAPHQL_LIMITS.maxBodyBytes * 2)
    })

    it('should answer 413 to a GET query over the limit', async () => {
      const query = `{ __typename ${' '.repeat(GRAPHQL_LIMITS.maxBodyBytes)}}`
      const res = await get(query)
      expect(res.status).toBe(413)
    })

    it('should still run a query posted under the limit', async () => {
      const res = await post('{ __typename }')
      expect(res.body).toEqual({ data: { __typename: 'Query' } })
    })
  })

  describe('introspection', () => {
    const introspection = getIntrospectionQuery()

    it('should answer introspection outside production', async () => {
      const res = await post(introspection)
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data).toHaveProperty('__schema')
    })

    it('should refuse introspection in production, over POST and GET', async () => {
      inProduction()
      for (const res of [
        await post(introspection),
        await get('{ __type(name: "News") { name } }'),
      ]) {
        expect(res.body.data ?? null).toBeNull()
        expect(firstError(res.body)).toContain('introspection is not allowed')
      }
    })

    it('should still answer __typename in production', async () => {
      inProduction()
      const res = await post('{ __typename }')
      expect(res.body).toEqual({ data: { __typename: 'Query' } })
    })

    it('should answer introspection in production when the config turns it on', async () => {
      inProduction()
      // What a server started with ETW_GRAPHQL_INTROSPECTION=true has (see limits.spec.ts).
      ctx.config.graphQL.disableIntrospectionInProduction = false
      const res = await post(introspection).finally(() => {
        ctx.config.graphQL.disableIntrospectionInProduction = true
      })
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data).toHaveProperty('__schema')
    })
  })

  describe('playground', () => {
    const open = () =>
      createPlaygroundHandler(Promise.resolve(ctx.config))(
        new Request('http://localhost:3000/api/graphql-playground'),
      )

    it('should serve the playground outside production', async () => {
      const response = await open()
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('GraphQL Playground')
    })

    it('should answer 404 for the playground in production', async () => {
      inProduction()
      expect((await open()).status).toBe(404)
    })

    it('should serve the playground in production with ETW_GRAPHQL_PLAYGROUND=true', async () => {
      inProduction()
      process.env.ETW_GRAPHQL_PLAYGROUND = 'true'
      // Payload's own switch, as a server started with ETW_GRAPHQL_PLAYGROUND=true has it.
      ctx.payload.config.graphQL.disablePlaygroundInProduction = false
      const response = await open().finally(() => {
        ctx.payload.config.graphQL.disablePlaygroundInProduction = true
      })
      expect(response.status).toBe(200)
    })
  })
})
