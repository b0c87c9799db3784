import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EVENT_FORMATS, EVENT_KINDS } from '@etw/payload-plugin'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { parse } from 'yaml'

import { DEFAULT_FEED_OPTIONS } from '../../packages/payload-plugin/src/defaults'
import { eventsRoute } from '../../packages/payload-plugin/src/feed/events'
import { eventsIcsRoute } from '../../packages/payload-plugin/src/feed/ics'
import { newsRoute } from '../../packages/payload-plugin/src/feed/news'
import { MAX_LOCALE_LENGTH } from '../../packages/payload-plugin/src/contract/parameters'
import { MAX_PAGE, MAX_PARAMETER_LENGTH } from '../../packages/payload-plugin/src/feed/params'
import { FEED_ROUTES } from '../../packages/payload-plugin/src/feed/routes'
import { newsRssRoute } from '../../packages/payload-plugin/src/feed/rss'
import { eventItemRoute } from '../../packages/payload-plugin/src/feed/routes/eventItem'
import { newsItemRoute } from '../../packages/payload-plugin/src/feed/routes/newsItem'
import {
  statsCompareRoute,
  statsHistoryRoute,
  statsRoute,
} from '../../packages/payload-plugin/src/feed/stats'
import type { TestHttpServer } from './helpers/http'
import { startHttpServer } from './helpers/http'
import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

/**
 * `docs/openapi.yaml` is a valid OpenAPI 3.1 document, and what a real server sends for every
 * operation (representative parameters, each error) matches it: status, headers and body. An
 * operation or a documented status that no request here exercises fails the last test.
 */

const specPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/openapi.yaml',
)
const spec = parse(readFileSync(specPath, 'utf8')) as any

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void

const SCHEMAS_ID = 'urn:etw:openapi:schemas'

/** The spec's `#/components/schemas/…` references, pointed at the schemas registered in Ajv. */
const rewriteRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`))

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
addFormats(ajv)
ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewriteRefs(spec.components.schemas) })
const compiled = new Map<string, ValidateFunction>()
const validatorFor = (schema: unknown): ValidateFunction => {
  const key = JSON.stringify(schema)
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajv.compile(rewriteRefs(schema) as object)
    compiled.set(key, validate)
  }
  return validate
}

/** An object of the spec, following a local `$ref`. */
const resolve = (node: any): any => {
  if (!node || typeof node.$ref !== 'string') return node
  const target = (node.$ref as string)
    .slice(2)
    .split('/')
    .reduce(
      (parent: any, part: string) => parent?.[part.replaceAll('~1', '/').replaceAll('~0', '~')],
      spec,
    )
  if (target === undefined) throw new Error(`Unresolved reference ${node.$ref}`)
  return resolve(target)
}

const expectValid = (schema: unknown, value: unknown, what: string) => {
  const validate = validatorFor(schema)
  const valid = validate(value)
  expect(valid, `${what}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`).toBe(true)
}

type Method = 'GET' | 'HEAD' | 'OPTIONS'

/** A request to make and the status it must get. `{cursor}`, `{eventId}` are filled in at run time. */
interface Case {
  method: Method
  path: string
  query?: string
  status: number
  /** Send `If-None-Match` with the `ETag` of the same `GET`. */
  revalidate?: boolean
  headers?: Record<string, string>
  /** The `parameter` a 400 must name. */
  parameter?: string
  /** Further assertions on the parsed body (JSON) or the text (RSS, iCalendar). */
  check?: (body: any) => void
  /** The `{slug}` of the path; the route's seeded item when absent. */
  slug?: string
}

const STATS = '/api/etw/v1/stats'
const HISTORY = '/api/etw/v1/stats/history'
const COMPARE = '/api/etw/v1/stats/compare'
const NEWS = '/api/etw/v1/news'
const EVENTS = '/api/etw/v1/events'
const RSS = '/api/etw/v1/news.rss'
const ICS = '/api/etw/v1/events.ics'
const HEALTH = '/api/health'
const NEWS_ITEM = '/api/etw/v1/news/{slug}'
const EVENT_ITEM = '/api/etw/v1/events/{slug}'

/** The seeded item each single-item route is asked for. */
const SEEDED_SLUG: Record<string, string> = {
  [EVENT_ITEM]: 'innovation-and-education-baku-2023',
  [NEWS_ITEM]: 'etwinning-seminar-baku-2023',
}

/** The spec's path of a feed route (`/etw/v1/news/:slug` → `/api/etw/v1/news/{slug}`). */
const documentedPath = (route: string) => `/api${route.replace(/:(\w+)/g, '{$1}')}`

const get = (
  pathname: string,
  query: string | undefined,
  status: number,
  extra: Partial<Case> = {},
): Case => ({
  method: 'GET',
  path: pathname,
  query,
  status,
  ...extra,
})

const commonCases = (pathname: string, goodQuery: string, badQuery: string): Case[] => [
  { method: 'GET', path: pathname, query: goodQuery, status: 304, revalidate: true },
  { method: 'HEAD', path: pathname, query: goodQuery, status: 200 },
  {
    method: 'HEAD',
    path: pathname,
    query: goodQuery,
    status: 200,
    headers: { 'accept-encoding': 'gzip' },
  },
  { method: 'HEAD', path: pathname, query: goodQuery, status: 304, revalidate: true },
  { method: 'HEAD', path: pathname, query: badQuery, status: 400 },
  {
    method: 'OPTIONS',
    path: pathname,
    status: 204,
    headers: {
      origin: 'https://school.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'if-none-match',
    },
  },
]

const values = (body: any) => body.metrics.map((metric: any) => [metric.key, metric.value])

const CASES: Case[] = [
  // stats
  get(STATS, undefined, 200, {
    check: (body) => expect(body.scope).toEqual({ kind: 'programme' }),
  }),
  get(STATS, 'country=AZ&metrics=teachers,projects&locale=uk', 200, {
    check: (body) =>
      expect(values(body)).toEqual([
        ['teachers', 4308],
        ['projects', 5103],
      ]),
  }),
  get(STATS, 'country=az&locale=az', 200, {
    check: (body) => expect(body.scope).toEqual({ kind: 'country', country: 'AZ' }),
  }),
  get(STATS, 'organization=k-pnu', 200, { check: (body) => expect(body.metrics).toEqual([]) }),
  get(STATS, 'country=XX', 400, { parameter: 'country' }),
  get(STATS, 'country=AZ&organization=k-pnu', 400, { parameter: 'organization' }),
  get(STATS, 'metrics=no-such-metric', 400, { parameter: 'metrics' }),
  get(STATS, 'metrics=Teachers!', 400, { parameter: 'metrics' }),
  get(STATS, 'locale=en_US', 400, { parameter: 'locale' }),
  get(STATS, 'organization=no-such-organization', 400, { parameter: 'organization' }),
  get(STATS, 'country=AZ&country=UA', 400, { parameter: 'country' }),
  get(STATS, 'scope=programme', 400, { parameter: 'scope' }),
  ...commonCases(STATS, 'country=AZ', 'country=XX'),
  // stats/history
  get(HISTORY, 'country=AZ&metric=projects', 200, {
    check: (body) => expect(body.points.map((point: any) => point.value)).toEqual([4445, 5103]),
  }),
  get(HISTORY, 'metric=teachers&locale=uk', 200, {
    check: (body) => expect(body.points[0]).toMatchObject({ value: 1_200_000, approximate: true }),
  }),
  get(HISTORY, 'metric=schools&organization=k-pnu', 200),
  get(HISTORY, undefined, 400, { parameter: 'metric' }),
  get(HISTORY, 'metric=Projects!', 400, { parameter: 'metric' }),
  get(HISTORY, 'metric=no-such-metric', 400, { parameter: 'metric' }),
  get(HISTORY, 'metric=projects&metrics=teachers', 400, { parameter: 'metrics' }),
  ...commonCases(HISTORY, 'metric=projects', 'metric=projects&country=X'),
  // stats/compare
  get(COMPARE, 'metric=teachers&countries=AZ,UA,GE', 200, {
    check: (body) => {
      expect(body.countries.map((item: any) => [item.country, item.value])).toEqual([['AZ', 4308]])
      expect(body.missing).toEqual(['UA', 'GE'])
    },
  }),
  get(COMPARE, 'metric=teachers', 400, { parameter: 'countries' }),
  get(COMPARE, 'metric=teachers&countries=AZ,XX', 400, { parameter: 'countries' }),
  get(COMPARE, 'metric=no-such-metric&countries=AZ', 400, { parameter: 'metric' }),
  ...commonCases(COMPARE, 'metric=teachers&countries=AZ', 'metric=teachers&countries=QQ'),
  // news
  get(NEWS, undefined, 200, {
    check: (body) => expect(body).toMatchObject({ limit: 5, page: 1, hasNextPage: false }),
  }),
  get(NEWS, 'limit=1', 200, {
    check: (body) =>
      expect(body).toMatchObject({ hasNextPage: true, nextCursor: expect.any(String) }),
  }),
  get(NEWS, 'limit=1&cursor={newsCursor}', 200, {
    check: (body) => expect(body).toMatchObject({ page: 2, hasNextPage: false, nextCursor: null }),
  }),
  get(NEWS, 'limit=1&page=2', 200, { check: (body) => expect(body.items).toHaveLength(1) }),
  get(NEWS, 'country=UA&locale=uk', 200, {
    check: (body) => expect(body.items.map((item: any) => item.country)).toEqual(['UA']),
  }),
  get(NEWS, 'organization=k-pnu&locale=az', 200, {
    check: (body) => expect(body.items[0].organization.slug).toBe('k-pnu'),
  }),
  get(NEWS, 'tag=Seminar&limit=50', 200, {
    check: (body) => expect(body.items[0].tags).toContain('seminar'),
  }),
  get(NEWS, 'limit=51', 400, { parameter: 'limit' }),
  get(NEWS, 'limit=0', 400, { parameter: 'limit' }),
  get(NEWS, 'page=1001', 400, { parameter: 'page' }),
  get(NEWS, 'page=2&cursor={newsCursor}', 400, { parameter: 'cursor' }),
  get(NEWS, 'cursor=not-a-cursor', 400, { parameter: 'cursor' }),
  get(NEWS, 'tag=a&tag=b', 400, { parameter: 'tag' }),
  get(NEWS, `tag=${'x'.repeat(201)}`, 400, { parameter: 'tag' }),
  get(NEWS, 'when=past', 400, { parameter: 'when' }),
  ...commonCases(NEWS, 'limit=1', 'limit=51'),
  // events
  get(EVENTS, undefined, 200, {
    check: (body) => expect(body).toMatchObject({ when: 'upcoming', items: [] }),
  }),
  get(EVENTS, 'when=past&locale=az', 200, {
    check: (body) => expect(body.items[0]).toMatchObject({ timeZone: 'Asia/Baku', city: 'Bakı' }),
  }),
  get(EVENTS, 'when=all&from=2023-05-01&to=2023-05-31T23:59%2B04:00&country=AZ', 200, {
    check: (body) => expect(body.items).toHaveLength(1),
  }),
  get(EVENTS, 'when=all&limit=1&page=2', 200, {
    check: (body) => expect(body).toMatchObject({ page: 2, items: [] }),
  }),
  get(EVENTS, 'when=soon', 400, { parameter: 'when' }),
  get(EVENTS, 'from=2023-02-30', 400, { parameter: 'from' }),
  get(EVENTS, 'from=2023-06-01&to=2023-05-01', 400, { parameter: 'to' }),
  get(EVENTS, 'when=all&cursor={newsCursor}', 400, { parameter: 'cursor' }),
  get(EVENTS, 'limit=51', 400, { parameter: 'limit' }),
  get(EVENTS, 'tag=seminar', 400, { parameter: 'tag' }),
  ...commonCases(EVENTS, 'when=past', 'when=soon'),
  // news.rss
  get(RSS, undefined, 200, { check: (rss) => expect(rss.items).toHaveLength(2) }),
  get(RSS, 'country=AZ&locale=az&limit=1', 200, {
    check: (rss) => expect(rss.items[0].title).toBe('Bakıda eTwinning seminarı keçirildi'),
  }),
  get(RSS, 'organization=k-pnu&tag=etwinning', 200, {
    check: (rss) => expect(rss.items).toHaveLength(1),
  }),
  get(RSS, 'page=2', 400, { parameter: 'page' }),
  get(RSS, 'limit=51', 400, { parameter: 'limit' }),
  ...commonCases(RSS, 'locale=uk', 'locale=en_US'),
  // events.ics
  get(ICS, 'when=past', 200, {
    check: (calendar) => expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1),
  }),
  get(ICS, undefined, 200, {
    check: (calendar) => expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0),
  }),
  get(ICS, 'id={eventId}&locale=uk', 200, {
    check: (calendar) =>
      expect(calendar.getFirstSubcomponent('vevent').getFirstPropertyValue('summary')).toBe(
        'Міжнародний семінар «Інновації та освіта»',
      ),
  }),
  get(ICS, 'id=999999', 404),
  get(ICS, 'id=not%20an%20id', 400, { parameter: 'id' }),
  get(ICS, 'when=all&to=tomorrow', 400, { parameter: 'to' }),
  get(ICS, 'cursor={newsCursor}', 400, { parameter: 'cursor' }),
  { method: 'HEAD', path: ICS, query: 'id=999999', status: 404 },
  ...commonCases(ICS, 'when=past', 'when=soon'),
  // news/{slug}
  get(NEWS_ITEM, undefined, 200, {
    check: (body) =>
      expect(body).toMatchObject({ locale: 'en', relatedEvents: [expect.any(Object)] }),
  }),
  get(NEWS_ITEM, 'locale=az', 200, {
    check: (body) => expect(body.title).toBe('Bakıda eTwinning seminarı keçirildi'),
  }),
  get(NEWS_ITEM, undefined, 404, { slug: 'no-such-news' }),
  get(NEWS_ITEM, 'locale=en_US', 400, { parameter: 'locale' }),
  get(NEWS_ITEM, 'limit=1', 400, { parameter: 'limit' }),
  { method: 'HEAD', path: NEWS_ITEM, slug: 'no-such-news', status: 404 },
  ...commonCases(NEWS_ITEM, 'locale=uk', 'locale=en_US'),
  // events/{slug}
  get(EVENT_ITEM, 'locale=uk', 200, {
    check: (body) => expect(body).toMatchObject({ locale: 'uk', timeZone: 'Asia/Baku' }),
  }),
  get(EVENT_ITEM, undefined, 404, { slug: 'no-such-event' }),
  get(EVENT_ITEM, 'when=past', 400, { parameter: 'when' }),
  { method: 'HEAD', path: EVENT_ITEM, slug: 'no-such-event', status: 404 },
  ...commonCases(EVENT_ITEM, 'locale=az', 'locale=en_US'),
  // health
  get(HEALTH, undefined, 200, { check: (body) => expect(body.status).toBe('ok') }),
  { method: 'HEAD', path: HEALTH, status: 200 },
  { method: 'OPTIONS', path: HEALTH, status: 204 },
]

describeDb('docs/openapi.yaml', () => {
  let ctx: IntContext
  let server: TestHttpServer
  const placeholders: Record<string, string> = {}
  const exercised = new Set<string>()

  beforeAll(async () => {
    ctx = await bootPayload({ seed: true })
    server = await startHttpServer(ctx.payload, ctx.config)
    const news = (await (await fetch(`${server.url}${NEWS}?limit=1`)).json()) as any
    placeholders.newsCursor = news.nextCursor
    const events = (await (await fetch(`${server.url}${EVENTS}?when=all`)).json()) as any
    placeholders.eventId = events.items[0].id
  })

  afterAll(async () => {
    await server?.close()
    await ctx?.close()
  })

  it('should be a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(spec)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('should compile every schema with a strict JSON Schema 2020-12 validator', () => {
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      expect(() => validatorFor(schema), name).not.toThrow()
    }
  })

  it('should document exactly the feed routes and the query parameters each one takes', () => {
    const handlers = {
      events: eventsRoute,
      eventsIcs: eventsIcsRoute,
      eventItem: eventItemRoute,
      health: { parameters: [] as readonly string[] },
      newsItem: newsItemRoute,
      news: newsRoute,
      newsRss: newsRssRoute,
      stats: statsRoute,
      statsCompare: statsCompareRoute,
      statsHistory: statsHistoryRoute,
    }
    const documented = (pathname: string): string[] => {
      const pathItem = spec.paths[pathname]
      return [...(pathItem.parameters ?? []), ...(pathItem.get.parameters ?? [])]
        .map(resolve)
        .filter((parameter: any) => parameter.in === 'query')
        .map((parameter: any) => parameter.name)
        .sort()
    }
    const routes = Object.entries(FEED_ROUTES) as [keyof typeof FEED_ROUTES, string][]
    expect(Object.keys(spec.paths).sort()).toEqual(
      routes.map(([, route]) => documentedPath(route)).sort(),
    )
    for (const [name, route] of routes) {
      expect(documented(documentedPath(route)), route).toEqual(
        [...handlers[name].parameters].sort(),
      )
    }
  })

  it('should state the limits and enumerations the code uses', () => {
    const parameter = (name: string) => resolve({ $ref: `#/components/parameters/${name}` }).schema
    expect(parameter('Limit').maximum).toBe(DEFAULT_FEED_OPTIONS.maxLimit)
    expect(parameter('FeedLimit').maximum).toBe(DEFAULT_FEED_OPTIONS.maxLimit)
    expect(parameter('Page').maximum).toBe(MAX_PAGE)
    expect(parameter('Tag').maxLength).toBe(MAX_PARAMETER_LENGTH)
    // Any language tag is taken (the best content locale is served); the configured ones are named.
    expect(parameter('Locale').maxLength).toBe(MAX_LOCALE_LENGTH)
    const codes = ctx.config.localization ? ctx.config.localization.localeCodes : []
    for (const code of codes) {
      expect(new RegExp(parameter('Locale').pattern).test(code)).toBe(true)
      expect(resolve({ $ref: '#/components/parameters/Locale' }).description).toContain(
        `\`${code}\``,
      )
    }
    const event = spec.components.schemas.EventItem.properties
    expect(resolve(event.format).enum).toEqual([...EVENT_FORMATS])
    expect(resolve(event.kind).enum).toEqual([...EVENT_KINDS])
  })

  /** Query parameters a successful request used must be declared, with valid values. */
  const expectQueryDeclared = (operation: any, pathItem: any, query: URLSearchParams) => {
    const declared = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
      .map(resolve)
      .filter((parameter: any) => parameter.in === 'query')
    for (const [name, raw] of query) {
      const parameter = declared.find((candidate: any) => candidate.name === name)
      expect(parameter, `query parameter "${name}" is not in the spec`).toBeDefined()
      const schema = resolve(parameter.schema)
      const value =
        schema.type === 'integer'
          ? Number(raw)
          : schema.type === 'array' && parameter.explode === false
            ? raw.split(',')
            : raw
      expectValid(parameter.schema, value, `query parameter "${name}"`)
    }
  }

  const expectHeaders = (documented: Record<string, any> | undefined, headers: Headers) => {
    for (const [name, header] of Object.entries(documented ?? {})) {
      const { required, schema } = resolve(header)
      const value = headers.get(name)
      if (value === null) {
        expect(required, `header ${name} is required`).not.toBe(true)
        continue
      }
      expectValid(schema, value, `header ${name}`)
    }
  }

  it.each(
    CASES.map((testCase) => ({
      ...testCase,
      name: `${testCase.method} ${testCase.path}${testCase.query ? `?${testCase.query}` : ''}${testCase.revalidate ? ' (If-None-Match)' : ''}`,
    })),
  )('should answer $name with $status as the spec says', async (testCase) => {
    const query = (testCase.query ?? '').replace(
      /\{(\w+)\}/g,
      (_, name: string) => placeholders[name] ?? '',
    )
    const target = testCase.path.replace(
      '{slug}',
      testCase.slug ?? SEEDED_SLUG[testCase.path] ?? '',
    )
    const url = `${server.url}${target}${query ? `?${query}` : ''}`
    const headers: Record<string, string> = { ...testCase.headers }
    if (testCase.revalidate) {
      const first = await fetch(url)
      expect(first.status).toBe(200)
      headers['if-none-match'] = first.headers.get('etag') ?? ''
    }
    const response = await fetch(url, { method: testCase.method, headers })
    const text = await response.text()
    expect(response.status, text).toBe(testCase.status)

    const pathItem = spec.paths[testCase.path]
    const operation = pathItem?.[testCase.method.toLowerCase()]
    expect(operation, `${testCase.method} ${testCase.path} is not in the spec`).toBeDefined()
    const documented = resolve(operation.responses[String(testCase.status)])
    expect(documented, `status ${testCase.status} is not documented`).toBeDefined()
    exercised.add(`${testCase.method} ${testCase.path}`)
    exercised.add(`${testCase.method} ${testCase.path} ${testCase.status}`)

    if (testCase.status < 400) expectQueryDeclared(operation, pathItem, new URLSearchParams(query))
    expectHeaders(documented.headers, response.headers)

    if (!documented.content) {
      expect(text).toBe('')
      return
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
    const content = documented.content[mediaType]
    expect(content, `content type "${mediaType}" is not documented`).toBeDefined()
    if (testCase.method === 'HEAD') {
      expectValid(content.schema, text, 'body')
      return
    }
    let body: any
    if (mediaType === 'application/json') {
      body = JSON.parse(text)
    } else if (mediaType === 'application/rss+xml') {
      body = await new Parser().parseString(text)
      expect(body.items).toBeDefined()
    } else if (mediaType === 'text/calendar') {
      body = new ICAL.Component(ICAL.parse(text))
      expect(body.name).toBe('vcalendar')
    }
    expectValid(content.schema, mediaType === 'application/json' ? body : text, 'body')
    if (testCase.parameter) expect(body.error.parameter).toBe(testCase.parameter)
    testCase.check?.(body)
  })

  it('should refuse other methods with 405, Allow and the documented error body', async () => {
    const response = await fetch(`${server.url}${NEWS}`, { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    const body = await response.json()
    expectValid({ $ref: '#/components/schemas/Error' }, body, 'body')
    expect(body.error.code).toBe('method_not_allowed')
  })

  it('should have exercised every operation and every documented status', () => {
    // A server fault and an unreachable database cannot be caused by a request.
    const unreachable = new Set(['500', '503'])
    const missing: string[] = []
    for (const [pathname, pathItem] of Object.entries<any>(spec.paths)) {
      for (const method of ['get', 'head', 'options', 'post', 'put', 'patch', 'delete']) {
        const operation = pathItem[method]
        if (!operation) continue
        const name = `${method.toUpperCase()} ${pathname}`
        if (!exercised.has(name)) missing.push(name)
        for (const status of Object.keys(operation.responses)) {
          if (!unreachable.has(status) && !exercised.has(`${name} ${status}`)) {
            missing.push(`${name} ${status}`)
          }
        }
      }
    }
    expect(missing).toEqual([])
  })
})
