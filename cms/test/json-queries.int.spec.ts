import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

/**
 * `where` conditions on JSON and rich text fields (news' `body`, Payload's `payload-jobs.input`,
 * `payload-preferences.value`…), whole and by a path inside: answered, or refused with a 400 naming
 * the path — never a 5xx — on every collection, on SQLite and PostgreSQL alike.
 */

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'like',
  'not_like',
  'contains',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
]

const VALUES = ['abc', '', '1', 'null', 'true', '{"a":1}']

describeDb('where conditions on JSON and rich text', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    await ctx.payload.create({
      collection: 'news',
      data: {
        title: 'Rich',
        summary: 'Rich text',
        body: {
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                textFormat: 0,
                children: [
                  {
                    type: 'text',
                    version: 1,
                    text: 'Baku',
                    format: 0,
                    detail: 0,
                    mode: 'normal',
                    style: '',
                  },
                ],
              },
            ],
          },
        },
        _status: 'published',
      } as never,
    })
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const jsonPaths = () =>
    Object.values(ctx.payload.collections).flatMap(({ config }) =>
      config.flattenedFields
        .filter((field) => field.type === 'json' || field.type === 'richText')
        .flatMap((field) =>
          [field.name, `${field.name}.root`, `${field.name}.root.children`, `${field.name}.a`].map(
            (path) => ({ collection: config.slug, path }),
          ),
        ),
    )

  it('should find JSON and rich text fields to query, Payload’s own included', () => {
    const found = jsonPaths().map(({ collection, path }) => `${collection}.${path}`)
    expect(found).toContain('news.body')
    expect(found).toContain('payload-preferences.value')
  })

  it('should answer every operator below 500, naming the path in a refusal', async () => {
    const failures: string[] = []
    for (const { collection, path } of jsonPaths()) {
      for (const operator of OPERATORS) {
        for (const value of VALUES) {
          const query = `/${collection}?where[${path}][${operator}]=${encodeURIComponent(value)}`
          const res = await ctx.api.get(query, { auth: users.admin.auth })
          const text = JSON.stringify(res.body)
          // Payload's own refusal of a JSON value names the value instead.
          const named = text.includes(path) || text.includes('is not allowed as a JSON query value')
          if (res.status >= 500 || (res.status === 400 && !named)) {
            failures.push(`${res.status} ${query} ${text.slice(0, 200)}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('should refuse substring matching on a whole rich text field (fuzz seed 1829030361)', async () => {
    const res = await ctx.api.get('/news?where[body][contains]=', { auth: users.editor.auth })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('The operator contains does not apply to body')
  })

  it('should refuse a path inside rich text', async () => {
    const res = await ctx.api.get('/news?where[body.root.children][equals]=Baku', {
      auth: users.editor.auth,
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain(
      'The following path cannot be queried: body.root.children',
    )
  })

  it('should match a path inside JSON with equals and exists', async () => {
    const { payload } = ctx
    await payload.create({
      collection: 'payload-preferences',
      data: {
        key: 'fuzz-json',
        user: { relationTo: 'users', value: users.admin.id },
        value: { columns: 'wide' },
      } as never,
      user: users.admin.doc,
    })
    const count = async (query: string) => {
      const res = await ctx.api.get<{ totalDocs: number }>(`/payload-preferences?${query}`, {
        auth: users.admin.auth,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.totalDocs
    }
    expect(await count('where[value.columns][equals]=wide')).toBe(1)
    expect(await count('where[value.columns][equals]=narrow')).toBe(0)
    expect(await count('where[value.columns][exists]=true')).toBe(1)
  })
})
