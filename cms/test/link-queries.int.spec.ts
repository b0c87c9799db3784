import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildSchema } from 'graphql'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

/**
 * `where` conditions on links (relationship and upload fields, and ids) with "no value" and other
 * non-id values: answered as the condition says, or refused with a 400 naming the path — never a
 * 5xx — on every collection, Payload's own included, through REST and GraphQL.
 */

/** Values that are no document id, as a REST query string writes them. */
const ODD_REST_VALUES = ['null', '', 'abc', '-1', '1.5', 'true', 'false', '1e309']

/** The same in GraphQL variables (`JSON` inputs take any of them as they are). */
const ODD_GRAPHQL_VALUES: unknown[] = [null, '', 'abc', -1, 1.5, true, false, 'null', {}, [null]]

const LINK_OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'all', 'exists']

interface LinkPath {
  collection: string
  path: string
  /** GraphQL list query and its where type, when the collection is in the schema. */
  graphql?: { query: string; where: string }
}

const schema = buildSchema(
  readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql'),
    'utf8',
  ),
)

/** The GraphQL list query of a collection and its `where` type, from the committed schema. */
const graphqlList = (slug: string, pluralName?: string): LinkPath['graphql'] => {
  // Payload names its own collections from the slug: `payload-jobs` → `PayloadJobs`.
  const query =
    pluralName ??
    slug.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase())
  const fields = schema.getQueryType()?.getFields() ?? {}
  const where = fields[query]?.args.find((arg) => arg.name === 'where')
  return where ? { query, where: where.type.toString() } : undefined
}

/** Every link path of every collection: relationship and upload fields, and `id`. */
const linkPaths = (ctx: IntContext): LinkPath[] =>
  Object.values(ctx.payload.collections).flatMap(({ config }) => {
    const names = config.graphQL === false ? undefined : config.graphQL
    const graphql =
      config.graphQL === false ? undefined : graphqlList(config.slug, names?.pluralName)
    const fields = config.flattenedFields
      .filter((field) => field.type === 'relationship' || field.type === 'upload')
      .map((field) => field.name)
    return ['id', ...fields].map((path) => ({ collection: config.slug, path, graphql }))
  })

describeDb('where conditions on links', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let withCover: number | string
  let withoutCover: number | string
  let coverId: number | string

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const { payload } = ctx
    const org = await payload.create({
      collection: 'organizations',
      data: { name: 'Link school', kind: 'school', country: 'UA' },
    })
    const cover = await payload.create({
      collection: 'media',
      data: { alt: 'Cover' },
      file: {
        data: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
        mimetype: 'image/png',
        name: 'cover.png',
        size: 68,
      },
    })
    coverId = cover.id
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Link seminar',
        summary: 'Seminar',
        startsAt: '2030-05-01T09:00:00.000Z',
        endsAt: '2030-05-01T12:00:00.000Z',
        timeZone: 'Europe/Kyiv',
        format: 'online',
        kind: 'seminar',
        _status: 'published',
      } as never,
    })
    withCover = (
      await payload.create({
        collection: 'news',
        data: {
          title: 'With a cover',
          summary: 'Linked',
          cover: cover.id,
          organization: org.id,
          relatedEvents: [event.id],
          _status: 'published',
        } as never,
      })
    ).id
    withoutCover = (
      await payload.create({
        collection: 'news',
        data: { title: 'Without a cover', summary: 'Bare', _status: 'published' } as never,
      })
    ).id
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const restIds = async (query: string) => {
    const res = await ctx.api.get<{ docs: { id: number | string }[] }>(`/news?${query}&sort=id`, {
      auth: users.editor.auth,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.docs.map((doc) => doc.id)
  }

  const graphqlIds = async (where: unknown) => {
    const res = await ctx.api.graphql<{ News: { docs: { id: number | string }[] } }>(
      'query ($where: NewsItem_where) { News(where: $where, sort: "id") { docs { id } } }',
      { where },
      { auth: users.editor.auth },
    )
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined()
    return res.body.data!.News.docs.map((doc) => doc.id)
  }

  describe('"no value" among link ids', () => {
    it('should read cover in [null] as "no cover" (fuzz seed -1622196580, GraphQL)', async () => {
      expect(await graphqlIds({ cover: { in: [null] } })).toEqual([withoutCover])
    })

    it('should read cover in [null] as "no cover" through REST', async () => {
      expect(await restIds('where[cover][in][0]=null')).toEqual([withoutCover])
      expect(await restIds('where[cover][in]=null')).toEqual([withoutCover])
    })

    it('should read cover equals null as "no cover" and not_equals null as "a cover"', async () => {
      expect(await restIds('where[cover][equals]=null')).toEqual([withoutCover])
      expect(await graphqlIds({ cover: { not_equals: null } })).toEqual([withCover])
    })

    it('should read cover not_in [null] as "a cover"', async () => {
      expect(await restIds('where[cover][not_in][0]=null')).toEqual([withCover])
      expect(await graphqlIds({ cover: { not_in: [null] } })).toEqual([withCover])
    })

    it('should match "no cover, or this cover" for cover in [null, id]', async () => {
      expect(await graphqlIds({ cover: { in: [null, coverId] } })).toEqual([
        withCover,
        withoutCover,
      ])
    })

    it('should match "a cover other than these" for cover not_in [null, id]', async () => {
      expect(await graphqlIds({ cover: { not_in: [null, 999_999] } })).toEqual([withCover])
      expect(await graphqlIds({ cover: { not_in: [null, coverId] } })).toEqual([])
    })

    it('should read an empty organization as "no organization"', async () => {
      expect(await restIds('where[organization][in]=')).toEqual([withoutCover])
      expect(await restIds('where[organization][not_equals]=')).toEqual([withCover])
    })

    it('should read relatedEvents in [null] as "no related events" on a list of links', async () => {
      expect(await graphqlIds({ relatedEvents: { in: [null] } })).toEqual([withoutCover])
      expect(await graphqlIds({ relatedEvents: { not_in: [null] } })).toEqual([withCover])
    })

    it('should read contains one id as "links to it"', async () => {
      expect(await restIds(`where[cover][contains]=${String(coverId)}`)).toEqual([withCover])
      expect(await restIds('where[organization][contains]=0')).toEqual([])
      expect(await restIds('where[relatedEvents][contains]=999999')).toEqual([])
    })

    it('should keep the other operators of the same path', async () => {
      expect(await graphqlIds({ cover: { in: [null], not_equals: coverId } })).toEqual([
        withoutCover,
      ])
    })

    it('should read "no value" inside and/or trees', async () => {
      expect(
        await graphqlIds({ OR: [{ cover: { in: [null] } }, { title: { equals: 'nothing' } }] }),
      ).toEqual([withoutCover])
    })
  })

  describe('refusals', () => {
    it('should refuse all with null naming the path', async () => {
      const res = await ctx.api.get('/news?where[cover][all][0]=null', {
        auth: users.editor.auth,
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('cover')
    })

    it('should refuse a non-boolean exists naming the path', async () => {
      const res = await ctx.api.get('/news?where[organization][exists]=abc', {
        auth: users.editor.auth,
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('organization exists must be true or false')
    })

    it('should refuse a link to several collections given a plain id, naming the path', async () => {
      const res = await ctx.api.get('/payload-preferences?where[user][equals]=1', {
        auth: users.admin.auth,
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('user links to users')
    })

    it('should match a link to several collections given { relationTo, value }', async () => {
      const res = await ctx.api.get<{ totalDocs: number }>(
        `/payload-preferences?where[user][equals][relationTo]=users&where[user][equals][value]=${users.admin.id}`,
        { auth: users.admin.auth },
      )
      expect(res.status).toBe(200)
      expect(res.body.totalDocs).toBe(0)
    })

    it('should match GraphQL’s { relationTo, value } on a link to several collections', async () => {
      await ctx.payload.create({
        collection: 'payload-locked-documents',
        data: {
          document: { relationTo: 'news', value: withCover },
          user: { relationTo: 'users', value: users.admin.id },
        } as never,
      })
      const count = async (document: Record<string, unknown>) => {
        const res = await ctx.api.graphql<{ PayloadLockedDocuments: { totalDocs: number } }>(
          'query ($where: PayloadLockedDocument_where) { PayloadLockedDocuments(where: $where) { totalDocs } }',
          { where: { document } },
          { auth: users.admin.auth },
        )
        expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined()
        return res.body.data!.PayloadLockedDocuments.totalDocs
      }
      expect(await count({ relationTo: 'news', value: withCover })).toBe(1)
      expect(await count({ relationTo: 'news', value: withoutCover })).toBe(0)
      expect(await count({ relationTo: 'events' })).toBe(0)
      expect(await count({ value: withCover })).toBe(1)
    })

    it('should answer 404 for a collection that serves no REST route', async () => {
      const res = await ctx.api.get('/payload-migrations?where[id][in]=null', {
        auth: users.admin.auth,
      })
      expect(res.status).toBe(404)
    })
  })

  describe('every link of every collection', () => {
    it('should answer odd REST values below 500, naming the path in a refusal', async () => {
      const failures: string[] = []
      for (const { collection, path } of linkPaths(ctx)) {
        for (const operator of LINK_OPERATORS) {
          const queries = [
            ...ODD_REST_VALUES.map((value) => `where[${path}][${operator}]=${value}`),
            `where[${path}][${operator}][0]=null`,
            `where[${path}][${operator}][0]=1&where[${path}][${operator}][1]=null`,
            `where[${path}][${operator}][relationTo]=users&where[${path}][${operator}][value]=1`,
          ]
          for (const query of queries) {
            const res = await ctx.api.get(`/${collection}?${query}`, { auth: users.admin.auth })
            const text = JSON.stringify(res.body)
            if (res.status >= 500 || (res.status === 400 && !text.includes(path))) {
              failures.push(`${res.status} /${collection}?${query} ${text.slice(0, 200)}`)
            }
          }
        }
      }
      expect(failures).toEqual([])
    })

    it('should answer odd GraphQL values below 500, naming the path in a refusal', async () => {
      const failures: string[] = []
      const paths = linkPaths(ctx).filter((link) => link.graphql)
      // Payload's own collections are in the schema too.
      expect(paths.map((link) => link.collection)).toContain('payload-locked-documents')
      for (const { collection, path, graphql } of paths) {
        const document = `query ($where: ${graphql!.where}) { ${graphql!.query}(where: $where) { totalDocs } }`
        const polymorphic = ctx.payload.collections[
          collection as CollectionSlug
        ].config.flattenedFields.some(
          (field) =>
            field.name === path && 'relationTo' in field && Array.isArray(field.relationTo),
        )
        const constraints: unknown[] = polymorphic
          ? // GraphQL types a link to several collections as `{ relationTo, value }`.
            [{ relationTo: 'users', value: 1 }, { relationTo: 'users' }, { value: 'abc' }]
          : LINK_OPERATORS.flatMap((operator) =>
              ODD_GRAPHQL_VALUES.map((value) => ({
                [operator]: ['in', 'not_in', 'all'].includes(operator) ? [value] : value,
              })),
            )
        for (const constraint of constraints) {
          const where = { [path]: constraint }
          const res = await ctx.api.graphql(document, { where }, { auth: users.admin.auth })
          for (const error of res.body.errors ?? []) {
            const status = error.extensions?.statusCode ?? 400
            // GraphQL's own refusals of a mistyped variable name the variable instead.
            const named = error.message.includes(path) || error.message.includes('Variable')
            if (status >= 500 || (status === 400 && !named)) {
              failures.push(`${status} ${collection} ${JSON.stringify(where)} ${error.message}`)
            }
          }
        }
      }
      expect(failures).toEqual([])
    })
  })
})
