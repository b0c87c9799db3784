import type { Payload } from 'payload'

import type { CacheEntry } from './cache'
import type { FeedRoute } from './routes'
import type { RouteContext, RouteHandler } from './handler'
import type { FeedOptions } from './options'
import type { Feed, FeedChangeListener, FeedRequest, FeedResponse } from './types'

import { cacheKey, createFeedCache } from './cache'
import { encodeBodies, negotiateEncoding } from './compression'
import { FeedError, notFound } from './errors'
import { bodyHash } from './etag'
import { eventsRoute } from './events'
import { checkHealth } from './health'
import {
  entryResponse,
  errorResponse,
  pageHeaders,
  pageResponse,
  preflightResponse,
  redirectResponse,
  uncachedJson,
} from './http'
import { eventsIcsRoute } from './ics'
import { newsRoute } from './news'
import { eventItemRoute } from './routes/eventItem'
import { newsItemRoute } from './routes/newsItem'
import { createResponseMemo, memoKey } from './memo'
import { readFeedOptions } from './options'
import { parseQueryString, refuseUnknownParameters } from './params'
import { matchFeedRoute, splitUrl } from './routes'
import { newsRssRoute } from './rss'
import { statsCompareRoute, statsHistoryRoute, statsRoute } from './stats'
import { readHeader, requestOrigin } from './urls'
import { PageRedirect, renderErrorPage } from '../pages/errors'
import type { PageMatch } from '../pages/router'
import { matchPage, negotiateLocale, pageHandler } from '../pages/router'
import { HTML_TYPE } from '../pages/shared'
import { DEFAULT_SITE_NAME, loadSite } from '../pages/site'

const ROUTES: Record<Exclude<FeedRoute, 'health'>, RouteHandler<never>> = {
  eventItem: eventItemRoute as RouteHandler<never>,
  events: eventsRoute as RouteHandler<never>,
  eventsIcs: eventsIcsRoute as RouteHandler<never>,
  news: newsRoute as RouteHandler<never>,
  newsItem: newsItemRoute as RouteHandler<never>,
  newsRss: newsRssRoute as RouteHandler<never>,
  stats: statsRoute as RouteHandler<never>,
  statsCompare: statsCompareRoute as RouteHandler<never>,
  statsHistory: statsHistoryRoute as RouteHandler<never>,
}

/**
 * Response header of cached routes and pages: `miss` when this answer was produced for the
 * request, `hit` when it came from the in-process cache (what benchmarks and operators count).
 */
export const CACHE_STATUS_HEADER = 'x-etw-cache'

/** `response` as a later identical request gets it from the memo: a hit. */
const asHit = (response: FeedResponse): FeedResponse =>
  response.headers[CACHE_STATUS_HEADER] === 'miss'
    ? { ...response, headers: { ...response.headers, [CACHE_STATUS_HEADER]: 'hit' } }
    : response

/** The content locales of `payload`'s config and its default one. */
export const localesOf = (payload: Payload): { defaultLocale: string; locales: string[] } => {
  const { localization } = payload.config
  if (!localization) return { defaultLocale: 'en', locales: ['en'] }
  return { defaultLocale: localization.defaultLocale, locales: localization.localeCodes }
}

/**
 * The public feed of `payload` with `options`. Prefer {@link getFeed}, which keeps one per Payload
 * instance (and so one cache).
 */
export const createFeed = (payload: Payload, options: FeedOptions): Feed => {
  if (options === false) {
    return {
      changed: async () => undefined,
      handle: async () => null,
      invalidate: () => undefined,
      onChange: () => () => undefined,
    }
  }
  const listeners = new Set<FeedChangeListener>()
  const cache = createFeedCache({ maxBytes: options.cacheMaxBytes, ttlSeconds: options.cacheTtl })
  const memo = createResponseMemo()
  const apiRoute = payload.config.routes.api
  const { defaultLocale, locales } = localesOf(payload)
  const idType = payload.db.defaultIDType === 'number' ? 'number' : 'text'

  const answer = async (
    route: Exclude<FeedRoute, 'health'>,
    pathname: string,
    search: string,
    request: FeedRequest,
    method: string,
  ): Promise<FeedResponse> => {
    const handler = ROUTES[route]
    const query = parseQueryString(search)
    refuseUnknownParameters(query, handler.parameters)
    const context = contextOf(request, pathname)
    const params = handler.parse(query, context)
    const normalized = handler.normalize(params)
    const key = cacheKey(route, normalized, context.origin)
    let produced = false
    const entry = await cache.get(key, async (): Promise<CacheEntry> => {
      produced = true
      const { body, contentType } = await handler.produce(params, context)
      const bytes = Buffer.from(body)
      return { bodies: await encodeBodies(bytes), contentType, hash: bodyHash(bytes) }
    })
    return entryResponse(entry, {
      encoding: negotiateEncoding(readHeader(request.headers, 'accept-encoding')),
      extraHeaders: {
        // The content locale served (`ar` is answered in the default locale), as the body says.
        ...(typeof normalized.locale === 'string' ? { 'content-language': normalized.locale } : {}),
        [CACHE_STATUS_HEADER]: produced ? 'miss' : 'hit',
      },
      ifNoneMatch: readHeader(request.headers, 'if-none-match'),
      method,
      policy: options,
    })
  }

  const contextOf = (request: FeedRequest, pathname: string): RouteContext => ({
    apiRoute,
    defaultLocale,
    idType,
    locales,
    maxLimit: options.maxLimit,
    origin: requestOrigin(payload.config.serverURL, request.headers),
    pathname,
    payload,
    reads: new Map(),
  })

  /** A public page: cached and revalidated like the feed, errors as HTML pages. */
  const answerPage = async (
    page: PageMatch,
    pathname: string,
    search: string,
    request: FeedRequest,
    method: string,
  ): Promise<FeedResponse> => {
    const context = contextOf(request, pathname)
    const locale = 'locale' in page && locales.includes(page.locale) ? page.locale : defaultLocale
    try {
      if (method !== 'GET' && method !== 'HEAD') {
        return pageResponse(405, 'Method not allowed', method, { allow: 'GET, HEAD' })
      }
      if (page.kind === 'negotiate') {
        const best = negotiateLocale(
          readHeader(request.headers, 'accept-language'),
          locales,
          defaultLocale,
        )
        return redirectResponse(302, `/${best}/${page.section}/${encodeURIComponent(page.slug)}`, {
          vary: 'Accept-Language',
        })
      }
      if (page.kind === 'unknownLocale')
        throw notFound(`There is no "${page.locale}" version of this site.`)
      const handler = pageHandler(page, parseQueryString(search), context)
      const key = cacheKey(`page:${page.kind}`, handler.params, context.origin)
      let produced = false
      const entry = await cache.get(key, async (): Promise<CacheEntry> => {
        produced = true
        const { body, contentType } = await handler.produce()
        const bytes = Buffer.from(body)
        return { bodies: await encodeBodies(bytes), contentType, hash: bodyHash(bytes) }
      })
      return entryResponse(entry, {
        encoding: negotiateEncoding(readHeader(request.headers, 'accept-encoding')),
        extraHeaders: { ...pageHeaders(locale), [CACHE_STATUS_HEADER]: produced ? 'miss' : 'hit' },
        ifNoneMatch: readHeader(request.headers, 'if-none-match'),
        method,
        policy: options,
      })
    } catch (error) {
      if (error instanceof PageRedirect) return redirectResponse(error.status, error.location)
      const status = error instanceof FeedError && error.status === 400 ? 400 : 404
      if (!(error instanceof FeedError)) {
        payload.logger.error({ err: error, url: request.url }, 'public page: request failed')
        return pageResponse(500, 'The page could not be produced. Try again later.', method)
      }
      const site = await loadSite(context, locale).catch(() => ({
        logo: null,
        name: DEFAULT_SITE_NAME,
      }))
      const body = renderErrorPage(status, error.message, locale, context, site)
      return pageResponse(status, body, method, pageHeaders(locale), HTML_TYPE)
    }
  }

  return {
    async handle(request) {
      const method = request.method.toUpperCase()
      // A repeated read is answered from the memo before anything else is looked at: pages and
      // feed routes alike. Only answers that may be repeated (200 and 304 of cached routes) are
      // ever put there.
      const key =
        options.cacheTtl > 0
          ? memoKey(
              method,
              request.url,
              requestOrigin(payload.config.serverURL, request.headers),
              readHeader(request.headers, 'accept-encoding'),
              readHeader(request.headers, 'if-none-match'),
            )
          : undefined
      const memoized = key === undefined ? undefined : memo.get(key)
      if (memoized) return memoized
      const { pathname, search } = splitUrl(request.url)
      const route = matchFeedRoute(pathname, apiRoute)
      const page = route ? null : matchPage(pathname, locales, defaultLocale, apiRoute)
      if (!route && !page) return null
      if (page) {
        const response = await answerPage(page, pathname, search, request, method)
        if (
          key !== undefined &&
          page.kind !== 'negotiate' &&
          (response.status === 200 || response.status === 304)
        ) {
          memo.set(key, asHit(response))
        }
        return response
      }
      if (!route) return null
      if (method === 'OPTIONS') return preflightResponse()
      try {
        if (method !== 'GET' && method !== 'HEAD') {
          throw new FeedError(
            405,
            'method_not_allowed',
            `${method} is not allowed: the feed is read-only (GET, HEAD, OPTIONS).`,
          )
        }
        if (route === 'health') {
          const { body, status } = await checkHealth(payload)
          return uncachedJson(status, body, method)
        }
        const response = await answer(route, pathname, search, request, method)
        if (key !== undefined && (response.status === 200 || response.status === 304)) {
          memo.set(key, asHit(response))
        }
        return response
      } catch (error) {
        if (error instanceof FeedError) return errorResponse(error, method)
        payload.logger.error({ err: error, url: request.url }, 'feed: request failed')
        return errorResponse(
          new FeedError(500, 'internal', 'The feed could not be produced. Try again later.'),
          method,
        )
      }
    },
    invalidate() {
      memo.clear()
      cache.clear()
    },
    async changed(change) {
      this.invalidate()
      for (const listener of listeners) {
        try {
          await listener(change)
        } catch (error) {
          payload.logger.error({ err: error }, 'feed: a change listener failed')
        }
      }
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

const feeds = new WeakMap<Payload, Feed>()

/**
 * The public feed of a Payload instance: one per instance, with one in-process cache, configured by
 * the options the plugin stored in the config (defaults when the plugin is not used; a feed that
 * answers nothing when the plugin's `feed` is `false` or the plugin is `disabled`).
 */
export const getFeed = (payload: Payload): Feed => {
  let feed = feeds.get(payload)
  if (!feed) {
    feed = createFeed(payload, readFeedOptions(payload.config))
    feeds.set(payload, feed)
  }
  return feed
}
