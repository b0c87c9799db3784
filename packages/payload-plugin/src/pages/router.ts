import Negotiator from 'negotiator'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { EventsListParams, NewsListParams } from './lists'
import type { SitemapFile } from './sitemap'

import { notFound } from '../feed/errors'
import { renderArticlePage } from './article'
import { renderEventPage } from './event'
import {
  parseEventsList,
  parseNewsList,
  renderEventsList,
  renderHome,
  renderNewsList,
} from './lists'
import { parseSearchPage, renderSearchPage } from './search'
import { matchSitemap, renderRobots, renderSitemap } from './sitemap'
import { ICON, ICON_PATH, STYLESHEET, STYLESHEET_PATH } from './styles'

/** What a public path asks for. */
export type PageMatch =
  | { kind: 'article' | 'event'; locale: string; slug: string }
  | { kind: 'eventsList' | 'newsList' | 'search'; locale: string }
  | { kind: 'home'; locale: string; path: string }
  | { kind: 'negotiate'; section: 'events' | 'news'; slug: string }
  | { kind: 'robots' }
  | { kind: 'sitemap'; file: SitemapFile }
  | { kind: 'icon' }
  | { kind: 'stylesheet' }
  | { kind: 'unknownLocale'; locale: string }

const SLUG_SEGMENT = /^[^/]{1,200}$/
const LOCALE_LIKE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i

const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/**
 * The public page `pathname` names, or `null` for paths that are not the public site's (the
 * admin, the API, Next's assets…), which the caller passes on.
 */
export const matchPage = (
  pathname: string,
  locales: readonly string[],
  defaultLocale: string,
  apiRoute = '/api',
): PageMatch | null => {
  const api = apiRoute.replace(/\/+$/, '')
  if (pathname === api || pathname.startsWith(`${api}/`)) return null
  if (pathname === '/') return { kind: 'home', locale: defaultLocale, path: '/' }
  if (pathname === '/robots.txt') return { kind: 'robots' }
  if (pathname === STYLESHEET_PATH) return { kind: 'stylesheet' }
  if (pathname === ICON_PATH) return { kind: 'icon' }
  const sitemap = matchSitemap(pathname)
  if (sitemap) return { file: sitemap, kind: 'sitemap' }
  const segments = pathname.slice(1).split('/')
  const [first = '', second, third, ...rest] = segments
  if (rest.length > 0) return null
  if ((first === 'news' || first === 'events') && second && third === undefined) {
    const slug = decode(second)
    return slug && SLUG_SEGMENT.test(slug) ? { kind: 'negotiate', section: first, slug } : null
  }
  if (!LOCALE_LIKE.test(first)) return null
  const known = locales.includes(first)
  if (second === undefined || (second === '' && third === undefined)) {
    return known ? { kind: 'home', locale: first, path: `/${first}` } : null
  }
  if (second === 'search' && (third === undefined || third === '')) {
    return known ? { kind: 'search', locale: first } : { kind: 'unknownLocale', locale: first }
  }
  if (second !== 'news' && second !== 'events') return null
  if (!known) return { kind: 'unknownLocale', locale: first }
  if (third === undefined || third === '') {
    return { kind: second === 'news' ? 'newsList' : 'eventsList', locale: first }
  }
  const slug = decode(third)
  if (!slug) return null
  return { kind: second === 'news' ? 'article' : 'event', locale: first, slug }
}

/** The locale a reader's `Accept-Language` prefers among `locales`, else the default one. */
export const negotiateLocale = (
  acceptLanguage: string | undefined,
  locales: readonly string[],
  defaultLocale: string,
): string => {
  const preferred = new Negotiator({
    headers: { 'accept-language': acceptLanguage ?? '' },
  }).languages([...locales])
  if (preferred[0]) return preferred[0]
  // `uk-UA` asks for `uk` as well.
  const primary = new Negotiator({
    headers: {
      'accept-language': (acceptLanguage ?? '')
        .split(',')
        .map((part) => part.replace(/^\s*([a-z]{2,3})-[^;]*/i, '$1'))
        .join(','),
    },
  }).languages([...locales])
  return primary[0] ?? defaultLocale
}

/** A page handler: its normalized parameters (the cache key) and how its body is made. */
export interface PageHandler {
  params: Record<string, number | string | undefined>
  produce(): Promise<RouteBody>
}

const notFoundPage = (): never => {
  throw notFound('No published page has this address.')
}

/**
 * The handler of a matched page for its query. Bad values of the parameters a list takes are a 400
 * (a `FeedError`); parameters a page does not take are ignored, since links shared on social
 * networks gain tracking parameters that must not break the page.
 */
export const pageHandler = (
  match: Exclude<PageMatch, { kind: 'negotiate' | 'unknownLocale' }>,
  query: ReadonlyMap<string, string>,
  context: RouteContext,
): PageHandler => {
  switch (match.kind) {
    case 'article':
    case 'event':
      return {
        params: { locale: match.locale, slug: match.slug },
        produce: async () =>
          (match.kind === 'article'
            ? await renderArticlePage(match, context)
            : await renderEventPage(match, context)) ?? notFoundPage(),
      }
    case 'newsList': {
      const params: NewsListParams = parseNewsList(query)
      return {
        params: { ...params, locale: match.locale },
        produce: () => renderNewsList(match.locale, params, context),
      }
    }
    case 'eventsList': {
      const params: EventsListParams = parseEventsList(query)
      return {
        params: { ...params, locale: match.locale },
        produce: () => renderEventsList(match.locale, params, context),
      }
    }
    case 'search': {
      const params = parseSearchPage(query)
      return {
        params: { ...params, locale: match.locale },
        produce: () => renderSearchPage(match.locale, params, context),
      }
    }
    case 'home':
      return {
        params: { locale: match.locale, path: match.path },
        produce: () => renderHome(match.locale, context, match.path),
      }
    case 'robots':
      return { params: {}, produce: async () => renderRobots(context) }
    case 'sitemap':
      return {
        params: { ...match.file },
        produce: async () => (await renderSitemap(match.file, context)) ?? notFoundPage(),
      }
    case 'stylesheet':
      return {
        params: {},
        produce: async () => ({ body: STYLESHEET, contentType: 'text/css; charset=utf-8' }),
      }
    case 'icon':
      return { params: {}, produce: async () => ({ body: ICON, contentType: 'image/svg+xml' }) }
  }
}
