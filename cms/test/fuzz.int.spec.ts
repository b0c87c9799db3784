import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { REST_GET } from '@payloadcms/next/routes'
import fc from 'fast-check'
import type { GraphQLInputType } from 'graphql'
import {
  buildSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
} from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withRequestLimits } from '../src/request-limits'
import type { FuzzCaller } from './fuzz-regressions'
import { GRAPHQL_REGRESSIONS, REST_REGRESSIONS } from './fuzz-regressions'
import type { FuzzFailure } from './helpers/fuzz'
import { checkProperty, fuzzSettings } from './helpers/fuzz'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

/** The committed seed of each property (see `helpers/fuzz.ts`). */
const SEEDS = {
  'REST anonymous': 1_907_251_433,
  'REST editor': -402_118_765,
  'GraphQL anonymous': 733_604_219,
  'GraphQL editor': -1_285_337_090,
} as const

type PropertyName = keyof typeof SEEDS

const settings = fuzzSettings()

/** Long enough for `pnpm fuzz`'s runs on a slow machine; a property's time is printed, not asserted. */
const PROPERTY_TIMEOUT = Math.max(600_000, settings.numRuns * 250)

/** Written into unpublished content only; no anonymous answer may contain it. */
const MARKER = 'zqxfuzzdraftmarker'

const LONG = 'a'.repeat(40_000)

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Arbitraries ----------------------------------------------------------------------------------

/** Keys that attack prototype chains, Mongo operators, parsers and path splitting. */
const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__defineGetter__',
    'hasOwnProperty',
    'toString',
    'valueOf',
    '$where',
    '$gt',
    '$regex',
    'length',
    '0',
    '',
    ' ',
    '.',
    '..',
    'a..b',
    '__',
    'title__proto__',
    '\u0000',
    '💥',
    'заголовок',
    "'; DROP TABLE news; --",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)

/** Strings a caller may send as values, including 40,000-character ones. */
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 6, unit: 'grapheme' })
      .map((s) => s.repeat(Math.ceil(40_000 / s.length)).slice(0, 40_000)),
  },
  { weight: 1, arbitrary: fc.constant(LONG) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      MARKER,
      '%',
      '_',
      '\\',
      '*',
      'null',
      'undefined',
      'true',
      'NaN',
      'Infinity',
      '-1',
      '1e309',
      '99999999999999999999',
      '2024-02-30',
      '2024-01-01T00:00:00Z',
      '0x10',
      '1,2,3',
      '{"$ne":null}',
      '[1,2]',
      '<script>alert(1)</script>',
      '\u202e',
      '\ud800',
    ),
  },
)

const numberParam = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom('0', '-1', '1e309', 'NaN', 'Infinity', '100000', '99999999999999999999', '1.5'),
  hostileString,
)

const NEWS_PATHS = [
  'id',
  'title',
  'slug',
  'summary',
  'body',
  '_status',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'organization',
  'organization.name',
  'organization.country',
  'country',
  'tags',
  'tags.tag',
  'relatedEvents',
  'relatedEvents.title',
  'relatedEvents.startsAt',
  'cover.alt',
  'title.en',
  'title.uk',
  'version.title',
  'hash',
  'email',
  'apiKey',
  'startsAt',
  'metric',
  'value',
  'asOf',
  'name',
  'kind',
  'roles',
]

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
]

/** A query-string value: a leaf, a list, or an object given as entries (so `__proto__` stays a key). */
type QueryValue = string | QueryValue[] | { entries: [string, QueryValue][] }

const leafValue: fc.Arbitrary<QueryValue> = fc.oneof(
  hostileString,
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
)

const operatorValue: fc.Arbitrary<QueryValue> = fc.oneof(
  { weight: 6, arbitrary: leafValue },
  { weight: 2, arbitrary: fc.array(leafValue, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(hostileKey, leafValue), { minLength: 1, maxLength: 3 })
      .map((entries) => ({ entries })),
  },
)

const fieldPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS_PATHS) },
  { weight: 2, arbitrary: hostileKey },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NEWS_PATHS), hostileKey)
      .map(([field, key]) => `${field}.${key}`),
  },
)

const operator = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 1, arbitrary: hostileKey },
)

const condition: fc.Arbitrary<[string, QueryValue]> = fc
  .tuple(fieldPath, fc.array(fc.tuple(operator, operatorValue), { minLength: 1, maxLength: 2 }))
  .map(([field, ops]) => [field, { entries: ops }])

/** `where` as nested entries: conditions, `and`/`or` lists, and stray hostile shapes. */
const whereTree: fc.Arbitrary<QueryValue> = fc.letrec<{ where: QueryValue }>((tie) => ({
  where: fc
    .array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 5, arbitrary: condition },
        {
          weight: 2,
          arbitrary: fc.tuple(
            fc.constantFrom('and', 'or', 'AND', 'Or'),
            fc.array(tie('where'), { maxLength: 3 }) as fc.Arbitrary<QueryValue>,
          ),
        },
        { weight: 1, arbitrary: fc.tuple(hostileKey, leafValue) },
      ) as fc.Arbitrary<[string, QueryValue]>,
      { minLength: 1, maxLength: 3 },
    )
    .map((entries) => ({ entries })),
})).where

const sortParam: fc.Arbitrary<QueryValue> = fc.oneof(
  fc.constantFrom(...NEWS_PATHS).chain((field) => fc.constantFrom(field, `-${field}`)),
  hostileString,
  fc.array(fc.oneof(fc.constantFrom(...NEWS_PATHS), hostileKey), { maxLength: 3 }),
)

const localeParam = fc.oneof(
  fc.constantFrom('en', 'uk', 'az', '*', 'all', 'none', 'null', '__proto__', 'constructor', ''),
  hostileString,
)

/**
 * Percent-encodes the UTF-8 bytes of `text`, as a browser does: a lone surrogate (which UTF-8
 * cannot carry) is sent as U+FFFD.
 */
const encodeComponent = (text: string) =>
  encodeURIComponent(new TextDecoder().decode(new TextEncoder().encode(text)))

/** Flattens a value into `prefix[key]=value` pairs, as `qs` reads them. */
const encode = (prefix: string, value: QueryValue, out: string[]): string[] => {
  if (typeof value === 'string') {
    out.push(`${encodeComponent(prefix)}=${encodeComponent(value)}`)
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => encode(`${prefix}[${index}]`, item, out))
  } else {
    for (const [key, item] of value.entries) encode(`${prefix}[${key}]`, item, out)
  }
  return out
}

/** Query fragments no encoder produces: broken escapes, bare brackets, deep nesting. */
const rawFragment = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%FF%FE',
  'where[',
  'where]=1',
  'where[[title]]=1',
  `where${'[a]'.repeat(40)}=1`,
  'sort=%00',
  'limit=1&limit=2',
  'depth[]=1',
  'where[title][equals][]=',
  '&&&',
  '==',
)

const COLLECTIONS = ['news', 'events', 'organizations', 'statistics', 'media', 'users', 'audit-log']

const restQuery = fc.record(
  {
    collection: fc.constantFrom(...COLLECTIONS),
    suffix: fc.constantFrom('', '', '', '', '/versions', '/count', '/1', '/999999'),
    where: fc.oneof(
      { weight: 8, arbitrary: whereTree },
      { weight: 1, arbitrary: hostileString },
      {
        weight: 1,
        arbitrary: fc.jsonValue().map((json) => JSON.stringify(json)),
      },
    ),
    sort: sortParam,
    locale: localeParam,
    fallbackLocale: localeParam,
    limit: numberParam,
    depth: numberParam,
    page: numberParam,
    draft: fc.constantFrom('true', 'false', '1', '', 'yes'),
    pagination: fc.constantFrom('true', 'false', '0', ''),
    select: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...NEWS_PATHS), hostileKey), fc.constant('true')), {
        maxLength: 3,
      })
      .map((entries): QueryValue => ({ entries })),
    populate: fc
      .array(fc.tuple(fc.constantFrom(...COLLECTIONS, '__proto__'), leafValue), { maxLength: 2 })
      .map((entries): QueryValue => ({ entries })),
    raw: fc.array(rawFragment, { maxLength: 2 }),
  },
  { requiredKeys: ['collection', 'suffix'] },
)

type RestQuery = typeof restQuery extends fc.Arbitrary<infer T> ? T : never

const toQueryString = (query: RestQuery): string => {
  const pairs: string[] = query.raw ? [...query.raw] : []
  const names: [keyof RestQuery, string][] = [
    ['where', 'where'],
    ['sort', 'sort'],
    ['locale', 'locale'],
    ['fallbackLocale', 'fallback-locale'],
    ['limit', 'limit'],
    ['depth', 'depth'],
    ['page', 'page'],
    ['draft', 'draft'],
    ['pagination', 'pagination'],
    ['select', 'select'],
    ['populate', 'populate'],
  ]
  for (const [key, name] of names) {
    const value = query[key]
    if (value !== undefined) encode(name, value as QueryValue, pairs)
  }
  return pairs.join('&')
}

// GraphQL variables from the generated schema ---------------------------------------------------

const schema = buildSchema(readFileSync(path.resolve(dirname, '../schema.graphql'), 'utf8'))

const GRAPHQL_LISTS = [
  { query: 'News', where: 'NewsItem_where', fields: 'id title summary _status' },
  { query: 'Events', where: 'Event_where', fields: 'id title summary _status' },
  { query: 'Organizations', where: 'Organization_where', fields: 'id name' },
  { query: 'Statistics', where: 'Statistic_where', fields: 'id value' },
  { query: 'Users', where: 'User_where', fields: 'id email' },
  { query: 'AuditLog', where: 'AuditEntry_where', fields: 'id summary' },
]

const unwrap = (type: GraphQLInputType): GraphQLInputType =>
  type instanceof GraphQLNonNull ? unwrap(type.ofType as GraphQLInputType) : type

/** A value of `type`, mostly well-typed, sometimes hostile (GraphQL must refuse those cleanly). */
const valueFor = (type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> => {
  const bare = unwrap(type)
  const wrong = fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.constant(null))
  if (bare instanceof GraphQLList) {
    return fc.oneof(
      {
        weight: 5,
        arbitrary: fc.array(valueFor(bare.ofType as GraphQLInputType, depth), { maxLength: 3 }),
      },
      { weight: 1, arbitrary: wrong },
    )
  }
  if (bare instanceof GraphQLEnumType) {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...bare.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: wrong },
    )
  }
  if (bare instanceof GraphQLInputObjectType) {
    if (depth > 2) return fc.constant({})
    const fields = Object.values(bare.getFields())
    return fc
      .uniqueArray(fc.constantFrom(...fields), { maxLength: 3, selector: (field) => field.name })
      .chain((chosen) =>
        fc
          .tuple(...chosen.map((field) => valueFor(field.type, depth + 1)))
          .map((values) =>
            Object.fromEntries(chosen.map((field, index) => [field.name, values[index]])),
          ),
      )
  }
  if (bare instanceof GraphQLScalarType) {
    const typed: Record<string, fc.Arbitrary<unknown>> = {
      Int: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER)),
      Float: fc.double({ noNaN: true }),
      Boolean: fc.boolean(),
      String: hostileString,
      ID: hostileString,
      DateTime: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        hostileString,
      ),
      JSON: fc.jsonValue(),
      EmailAddress: fc.oneof(fc.emailAddress(), hostileString),
    }
    return fc.oneof(
      { weight: 5, arbitrary: typed[bare.name] ?? hostileString },
      { weight: 1, arbitrary: wrong },
    )
  }
  return wrong
}

const graphqlQuery = fc.constantFrom(...GRAPHQL_LISTS).chain((list) => {
  const whereType = schema.getType(list.where)
  if (!(whereType instanceof GraphQLInputObjectType)) throw new Error(`${list.where} is missing`)
  return fc.record({
    list: fc.constant(list),
    variables: fc.record(
      {
        where: fc.oneof(
          { weight: 6, arbitrary: valueFor(whereType, 0) },
          { weight: 1, arbitrary: fc.jsonValue() },
        ),
        sort: fc.oneof(
          fc.constantFrom(...NEWS_PATHS).chain((field) => fc.constantFrom(field, `-${field}`)),
          hostileString,
        ),
        locale: fc.oneof(fc.constantFrom('en', 'uk', 'az', 'all'), hostileString),
        fallbackLocale: fc.oneof(fc.constantFrom('en', 'uk', 'az', 'none'), hostileString),
        limit: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 100000), hostileString),
        page: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1), hostileString),
        draft: fc.oneof(fc.boolean(), hostileString),
        pagination: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  })
})

const graphqlDocument = (list: (typeof GRAPHQL_LISTS)[number]) =>
  `query ($where: ${list.where}, $sort: String, $locale: LocaleInputType, $fallbackLocale: FallbackLocaleInputType, $limit: Int, $page: Int, $draft: Boolean, $pagination: Boolean) {
    ${list.query}(where: $where, sort: $sort, locale: $locale, fallbackLocale: $fallbackLocale, limit: $limit, page: $page, draft: $draft, pagination: $pagination) {
      docs { ${list.fields} }
      totalDocs
    }
  }`

// The properties ---------------------------------------------------------------------------------

const summarize = (label: string, durations: number[]) => {
  const sorted = [...durations].sort((a, b) => a - b)
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  // Printed for the security notes; timing is not asserted on a shared, noisy machine.
  console.info(
    `[fuzz] ${label}: ${sorted.length} requests, p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  )
}

describeDb('fuzzing the REST and GraphQL query surface', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>
  let restGet: ReturnType<typeof withRequestLimits>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
    const { payload } = ctx
    const org = await payload.create({
      collection: 'organizations',
      data: { name: 'Fuzz school', kind: 'school', country: 'UA' },
    })
    const published = await payload.create({
      collection: 'news',
      data: { title: 'Fuzz public', summary: 'Public', organization: org.id, _status: 'published' },
    })
    await payload.update({
      collection: 'news',
      id: published.id,
      data: { title: `Newer ${MARKER}`, summary: MARKER },
      draft: true,
    })
    await payload.create({
      collection: 'news',
      data: { title: `Draft ${MARKER}`, summary: MARKER },
      draft: true,
    })
    await payload.create({
      collection: 'events',
      data: { title: `Draft event ${MARKER}`, summary: MARKER } as never,
      draft: true,
    })
    await payload.create({
      collection: 'statistics',
      data: {
        metric: 'teachers',
        scope: 'country',
        country: 'AZ',
        value: 4308,
        asOf: '2025-02-07',
      },
    })
    restGet = withRequestLimits(REST_GET(ctx.config))
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const callRest = async (pathAndQuery: string, auth?: string) => {
    const url = new URL(`http://localhost:3000/api${pathAndQuery}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const headers = new Headers(auth ? { Authorization: auth } : {})
    const started = performance.now()
    const response = await restGet(new Request(url, { headers }), {
      params: Promise.resolve({ slug }),
    })
    const text = await response.text()
    return { status: response.status, text, ms: performance.now() - started }
  }

  const restPath = (query: RestQuery) =>
    `/${query.collection}${query.suffix}?${toQueryString(query)}`

  /** Status below 500; anonymous answers with documents carry no draft. */
  const checkRest = async (request: string, who: FuzzCaller, durations: number[]) => {
    const res = await callRest(request, who === 'editor' ? users.editor.auth : undefined)
    durations.push(res.ms)
    expect(res.status, `${request.slice(0, 500)}\n${res.text.slice(0, 300)}`).toBeLessThan(500)
    // Error messages may echo the caller's own input; answers with documents must not leak.
    if (who === 'anonymous' && res.status < 300) expect(res.text).not.toContain(MARKER)
  }

  /** No error of status 500 or more; anonymous data carries no draft. */
  const checkGraphQL = async (
    list: (typeof GRAPHQL_LISTS)[number],
    variables: Record<string, unknown>,
    who: FuzzCaller,
    durations: number[],
  ) => {
    const started = performance.now()
    const res = await ctx.api.graphql(
      graphqlDocument(list),
      variables,
      who === 'editor' ? { auth: users.editor.auth } : {},
    )
    durations.push(performance.now() - started)
    const text = JSON.stringify(res.body)
    const context = `${list.query} ${JSON.stringify(variables).slice(0, 300)}\n${text.slice(0, 300)}`
    expect(res.status, context).toBeLessThan(500)
    for (const error of res.body.errors ?? []) {
      expect(error.extensions?.statusCode ?? 400, context).toBeLessThan(500)
    }
    // Error messages may echo the caller's own variables; the data must not leak.
    if (who === 'anonymous') expect(JSON.stringify(res.body.data ?? null)).not.toContain(MARKER)
  }

  /**
   * One property: `check` for every generated value, with the run's seed and count; a failure
   * prints the regression entry that `entry` makes of the shrunk case.
   */
  const property =
    <T>(
      name: PropertyName,
      arbitrary: fc.Arbitrary<T>,
      check: (value: T, durations: number[]) => Promise<void>,
      entry: (value: T) => Record<string, unknown>,
    ) =>
    async () => {
      const durations: number[] = []
      const { numRuns } = settings
      await checkProperty(
        name,
        fc.asyncProperty(arbitrary, (value) => check(value, durations)),
        { seed: settings.seedFor(SEEDS[name]), numRuns },
        (failure: FuzzFailure<T>) =>
          JSON.stringify(
            {
              name: '…',
              found: `seed ${failure.seed}, path "${failure.path}", ${name}`,
              ...entry(failure.counterexample),
            },
            null,
            2,
          ),
      )
      summarize(name, durations)
      expect(durations).toHaveLength(numRuns)
    }

  const restProperty = (name: PropertyName, who: FuzzCaller) =>
    property(
      name,
      restQuery,
      (query, durations) => checkRest(restPath(query), who, durations),
      (query) => ({ caller: who, request: restPath(query) }),
    )

  const graphqlProperty = (name: PropertyName, who: FuzzCaller) =>
    property(
      name,
      graphqlQuery,
      ({ list, variables }, durations) => checkGraphQL(list, variables, who, durations),
      ({ list, variables }) => ({ caller: who, query: list.query, variables }),
    )

  it(
    'should answer random and hostile anonymous REST queries below 500 without drafts',
    restProperty('REST anonymous', 'anonymous'),
    PROPERTY_TIMEOUT,
  )

  it(
    'should answer random and hostile editor REST queries below 500',
    restProperty('REST editor', 'editor'),
    PROPERTY_TIMEOUT,
  )

  it(
    'should answer random and hostile anonymous GraphQL queries below 500 without drafts',
    graphqlProperty('GraphQL anonymous', 'anonymous'),
    PROPERTY_TIMEOUT,
  )

  it(
    'should answer random and hostile editor GraphQL queries below 500',
    graphqlProperty('GraphQL editor', 'editor'),
    PROPERTY_TIMEOUT,
  )

  describe('counterexamples found before', () => {
    it.for(REST_REGRESSIONS)('should answer the REST case "$name" below 500', async (entry) => {
      await checkRest(entry.request, entry.caller, [])
    })

    it.for(GRAPHQL_REGRESSIONS)(
      'should answer the GraphQL case "$name" below 500',
      async (entry) => {
        const list = GRAPHQL_LISTS.find((candidate) => candidate.query === entry.query)
        if (!list) throw new Error(`${entry.name}: no GraphQL list ${entry.query}`)
        await checkGraphQL(list, entry.variables, entry.caller, [])
      },
    )
  })
})
