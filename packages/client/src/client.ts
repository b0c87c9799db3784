import type {
  EventDetail,
  EventsQuery,
  EventsResponse,
  FeedErrorBody,
  HealthResponse,
  ItemQuery,
  NewsArticle,
  NewsQuery,
  NewsResponse,
  StatsCompareQuery,
  StatsCompareResponse,
  StatsHistoryQuery,
  StatsHistoryResponse,
  StatsQuery,
  StatsResponse,
} from './types'

/** Path of the feed API under the CMS origin. */
export const FEED_PATH = '/api/etw/v1'

/** A non-2xx answer (or a network failure, `status` 0) of the feed API. */
export class FeedError extends Error {
  override name = 'FeedError'
  /** HTTP status; 0 when no response arrived (network error, timeout, abort). */
  readonly status: number
  /** Parsed JSON error body when the server sent one. */
  readonly body: FeedErrorBody | null
  readonly url: string
  /** Seconds from a `Retry-After` header, when present. */
  readonly retryAfter: number | null

  constructor(
    message: string,
    init: {
      status: number
      url: string
      body?: FeedErrorBody | null
      retryAfter?: number | null
      cause?: unknown
    },
  ) {
    super(message, { cause: init.cause })
    this.status = init.status
    this.url = init.url
    this.body = init.body ?? null
    this.retryAfter = init.retryAfter ?? null
  }
}

export interface FeedClientOptions {
  /** Origin of the CMS, e.g. `https://cms.example.org` (a trailing slash is fine). */
  baseUrl: string
  /**
   * Milliseconds before a request is given up.
   * @default 8000
   */
  timeout?: number
  /**
   * `fetch` to use.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
}

export interface RequestOptions {
  signal?: AbortSignal
}

type QueryValue = boolean | number | string | string[] | undefined

/** Serialises a query with sorted keys, so equal queries give equal URLs (and cache entries). */
export const buildQuery = (query: Record<string, QueryValue> = {}): string => {
  const params = new URLSearchParams()
  for (const key of Object.keys(query).sort()) {
    const value = query[key]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    params.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

const parseRetryAfter = (value: string | null): number | null => {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000))
}

/**
 * A `fetch` that remembers each URL's `ETag` and body, sends `If-None-Match`, and answers a
 * `304 Not Modified` with the remembered body as a `200`. Browsers revalidate by themselves through
 * their HTTP cache; this is for runtimes without one (Node, workers).
 */
const revalidating = (doFetch: typeof fetch): typeof fetch => {
  const validators = new Map<string, { etag: string; text: string }>()
  return async (input, init) => {
    const target = String(input)
    const known = validators.get(target)
    const headers = new Headers(init?.headers)
    if (known) headers.set('if-none-match', known.etag)
    const response = await doFetch(input, { ...init, headers })
    if (response.status === 304 && known) {
      return new Response(known.text, { status: 200, headers: response.headers })
    }
    const etag = response.headers.get('etag')
    if (response.ok && etag) validators.set(target, { etag, text: await response.clone().text() })
    return response
  }
}

/**
 * The core of {@link createFeedClient}: feed URLs and one JSON `GET` with a timeout, a caller's
 * abort signal and errors as {@link FeedError}, without the named methods — for callers that ship
 * to browsers and need a few endpoints only (the widgets).
 */
export const createFeedReader = (options: FeedClientOptions) => {
  const base = options.baseUrl.replace(/\/+$/, '')
  const timeout = options.timeout ?? 8_000
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)

  /** Absolute URL of a feed path (`news`, `stats/history`) with a sorted query. */
  const url = (path: string, query?: Record<string, QueryValue>) =>
    `${base}${FEED_PATH}/${path}${buildQuery(query)}`

  /** JSON of `target`; a non-2xx answer or a network failure throws a {@link FeedError}. */
  const getJson = async <T>(target: string, request: RequestOptions = {}): Promise<T> => {
    const timer = AbortSignal.timeout(timeout)
    let response: Response
    let text: string
    try {
      response = await doFetch(target, {
        headers: { accept: 'application/json' },
        signal: request.signal ? AbortSignal.any([timer, request.signal]) : timer,
        credentials: 'omit',
      })
      // The timeout or the caller's signal can also fire while the body streams in.
      text = await response.text()
    } catch (error) {
      const reason =
        (error as Error)?.name === 'TimeoutError' ? `timed out after ${timeout} ms` : String(error)
      throw new FeedError(`Request to ${target} failed: ${reason}`, {
        status: 0,
        url: target,
        cause: error,
      })
    }
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    if (!response.ok) {
      const errorBody = body as FeedErrorBody | null
      throw new FeedError(errorBody?.error?.message ?? `HTTP ${response.status} from ${target}`, {
        status: response.status,
        url: target,
        body: errorBody,
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      })
    }
    return body as T
  }

  return { base, getJson, url }
}

/**
 * A typed client of the feed API with no runtime dependencies. It remembers each URL's `ETag` and
 * body, sends `If-None-Match`, and reuses the body on `304 Not Modified`.
 */
export const createFeedClient = (options: FeedClientOptions) => {
  const { base, getJson, url } = createFeedReader({
    ...options,
    fetch: revalidating(options.fetch ?? globalThis.fetch.bind(globalThis)),
  })
  return {
    /** Latest value per metric for a scope (programme-wide without `country`/`organization`). */
    stats: (query: StatsQuery = {}, request?: RequestOptions) =>
      getJson<StatsResponse>(url('stats', { ...query }), request),
    /** One metric's time series for a scope, oldest first. */
    statsHistory: (query: StatsHistoryQuery, request?: RequestOptions) =>
      getJson<StatsHistoryResponse>(url('stats/history', { ...query }), request),
    /** The latest value of one metric in several countries (at most 50), highest first. */
    statsCompare: (query: StatsCompareQuery, request?: RequestOptions) =>
      getJson<StatsCompareResponse>(url('stats/compare', { ...query }), request),
    /** Latest published news. */
    news: (query: NewsQuery = {}, request?: RequestOptions) =>
      getJson<NewsResponse>(url('news', { ...query }), request),
    /** One published news item in full (its body as a node tree); a 404 `FeedError` when there is none. */
    newsItem: (slug: string, query: ItemQuery = {}, request?: RequestOptions) =>
      getJson<NewsArticle>(url(`news/${encodeURIComponent(slug)}`, { ...query }), request),
    /** One published event in full; a 404 `FeedError` when there is none. */
    event: (slug: string, query: ItemQuery = {}, request?: RequestOptions) =>
      getJson<EventDetail>(url(`events/${encodeURIComponent(slug)}`, { ...query }), request),
    /** Events, upcoming by default. */
    events: (query: EventsQuery = {}, request?: RequestOptions) =>
      getJson<EventsResponse>(url('events', { ...query }), request),
    /** Liveness and database reachability. */
    health: (request?: RequestOptions) => getJson<HealthResponse>(`${base}/api/health`, request),
    /** URL of the RSS 2.0 feed for these filters. */
    newsRssUrl: (query: Omit<NewsQuery, 'cursor' | 'page'> = {}) => url('news.rss', { ...query }),
    /** URL of the iCalendar feed for these filters. */
    eventsIcsUrl: (query: Omit<EventsQuery, 'cursor' | 'page'> = {}) =>
      url('events.ics', { ...query }),
    /** URL of any feed path, for callers that build their own requests. */
    url,
  }
}

export type FeedClient = ReturnType<typeof createFeedClient>

/** What {@link createFeedReader} returns. */
export type FeedReader = ReturnType<typeof createFeedReader>
