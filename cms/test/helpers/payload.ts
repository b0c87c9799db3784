import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig } from 'payload'
import { getPayload } from 'payload'
import { describe, inject } from 'vitest'

import { createRestHandlers } from '../../src/rest-routes'
import type { ThrowAwayDatabase } from './databases'
import { createThrowAwayDatabase } from './databases'

/** What the global setup found out about this project's database. */
export const databaseProbe = inject('etwDatabase')

/** `describe` when this project's database is available, otherwise a skipped block (reason printed once by the setup). */
export const describeDb: typeof describe = databaseProbe.available
  ? describe
  : (describe.skip as typeof describe)

const noop = () => undefined

/** What the test teardown touches of `pg`'s pool (`_clients` is internal to pg-pool). */
interface PgPoolInternals {
  _clients?: { on: (event: 'error', fn: () => void) => void }[]
  on: (event: 'error', fn: () => void) => void
}

export interface IntContext {
  payload: Payload
  config: SanitizedConfig
  api: ApiClient
  database: ThrowAwayDatabase
  close: () => Promise<void>
}

/**
 * Boots Payload on a new, empty database of this project's kind (migrations applied, no demo
 * content unless `seed` is set).
 */
export const bootPayload = async (options: { seed?: boolean } = {}): Promise<IntContext> => {
  const database = await createThrowAwayDatabase(databaseProbe)
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = 'integration-test-secret-0123456789abcdef'
  process.env.ETW_SEED = options.seed ? 'true' : 'false'
  delete process.env.ETW_ADMIN_EMAIL
  delete process.env.ETW_ADMIN_PASSWORD
  const { default: configPromise } = await import('../../src/payload.config')
  const config = await configPromise
  // The default key: the REST and GraphQL route handlers call `getPayload({ config })` and so get
  // this same instance.
  const payload = await getPayload({ config })
  return {
    payload,
    config,
    database,
    api: createApiClient(config),
    close: async () => {
      if (databaseProbe.kind === 'mongodb') {
        await (payload.db as { dropDatabase?: (args: object) => Promise<void> }).dropDatabase?.({
          adapter: payload.db,
        })
      }
      // Dropping the database terminates the PostgreSQL pool's clients (Payload's destroy leaves
      // them open); their errors are expected here and must not surface as unhandled.
      await payload.destroy()
      const pool = (payload.db as { pool?: PgPoolInternals }).pool
      pool?.on('error', noop)
      for (const client of pool?._clients ?? []) client.on('error', noop)
      // The next boot in this process must start a new instance on its own database.
      ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
      await database.drop()
    },
  }
}

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

export interface RequestOptions {
  /** `JWT <token>` or `users API-Key <key>`. */
  auth?: string
  body?: unknown
  headers?: Record<string, string>
}

/** Calls the REST and GraphQL route handlers that `cms/src/app` serves, without an HTTP server. */
export interface ApiClient {
  get: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  post: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  patch: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  delete: <T = any>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>
  graphql: <T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ) => Promise<ApiResponse<{ data?: T; errors?: { message: string; extensions?: any }[] }>>
}

const createApiClient = (config: SanitizedConfig): ApiClient => {
  // The handlers `/api/[...slug]` serves, request limits included.
  const handlers = createRestHandlers(config)
  const toHeaders = (options: RequestOptions, json: boolean) => {
    const headers = new Headers(options.headers)
    if (options.auth) headers.set('Authorization', options.auth)
    if (json) headers.set('Content-Type', 'application/json')
    return headers
  }
  const parse = async <T>(response: Response): Promise<ApiResponse<T>> => {
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: body as T }
  }
  const rest =
    (method: keyof typeof handlers) =>
    async <T>(pathWithQuery: string, options: RequestOptions = {}) => {
      const url = new URL(`http://localhost:3000/api${pathWithQuery}`)
      const slug = url.pathname
        .replace(/^\/api\//, '')
        .split('/')
        .filter(Boolean)
      const hasBody = options.body !== undefined
      const request = new Request(url, {
        method,
        headers: toHeaders(options, hasBody),
        body: hasBody ? JSON.stringify(options.body) : undefined,
      })
      const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
      return parse<T>(response)
    }
  const graphqlHandler = GRAPHQL_POST(config)
  return {
    get: rest('GET'),
    post: rest('POST'),
    patch: rest('PATCH'),
    delete: rest('DELETE'),
    graphql: async (query, variables, options = {}) => {
      const request = new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: toHeaders(options, true),
        body: JSON.stringify({ query, variables }),
      })
      return parse(await graphqlHandler(request))
    },
  }
}
