import { Feed as RssFeed } from 'feed'

import type { NormalizedParams, RouteContext, RouteHandler } from './handler'
import type { NewsParams } from './news'

import { parseNewsFilters, queryNews } from './news'
import { parseLimit } from './params'
import { absoluteUrl } from './urls'

/** Items of `news.rss` when `limit` is absent. */
export const DEFAULT_RSS_LIMIT = 20

/** Content type of the RSS feed. */
export const RSS_TYPE = 'application/rss+xml; charset=utf-8'

/**
 * RSS needs absolute links; without `serverURL` and without a `Host` header there is no origin to
 * make them with, so this one stands in.
 */
export const FALLBACK_ORIGIN = 'http://localhost'

/**
 * Escapes text for an HTML context. RSS readers render an item's description as HTML, so a summary,
 * which is plain text, goes in escaped: its `<`, `&` and quotes show as characters, never as markup.
 */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )

/** Parameters of `news.rss`: those of `news` without paging. */
export type NewsRssParams = Omit<NewsParams, 'cursor' | 'page'>

/**
 * The canonical URL of a request: its path and the parameters that differ from their defaults, in
 * name order. Equivalent requests share one cached body, so their self link is this one URL.
 */
export const canonicalUrl = (
  context: RouteContext,
  params: Record<string, number | string | undefined>,
  defaults: Record<string, number | string>,
): string => {
  const query = new URLSearchParams()
  for (const name of Object.keys(params).sort()) {
    const value = params[name]
    if (value !== undefined && value !== defaults[name]) query.set(name, String(value))
  }
  const search = query.toString()
  return absoluteUrl(context.origin, `${context.pathname}${search ? `?${search}` : ''}`)
}

/**
 * `GET /api/etw/v1/news.rss`: RSS 2.0 with an `atom:link rel="self"`, the same items and filters as
 * `news` (`locale`, `country`, `organization`, `tag`, `limit` default 20), no paging. Each item has
 * title (plain text), link and guid (the item's page), pubDate and the summary, HTML-escaped, as
 * description.
 */
export const newsRssRoute: RouteHandler<NewsRssParams> = {
  parameters: ['country', 'limit', 'locale', 'organization', 'tag'],
  parse: (query, context) => ({
    ...parseNewsFilters(query, context),
    limit: parseLimit(query.get('limit'), DEFAULT_RSS_LIMIT, context.maxLimit),
  }),
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, routeContext) => {
    const context = { ...routeContext, origin: routeContext.origin || FALLBACK_ORIGIN }
    const { items } = await queryNews({ ...params, cursor: undefined, page: 1 }, context)
    const self = canonicalUrl(context, params, {
      limit: Math.min(DEFAULT_RSS_LIMIT, context.maxLimit),
      locale: context.defaultLocale,
    })
    const latest = items[0]?.publishedAt
    const feed = new RssFeed({
      copyright: '',
      description: 'Latest eTwinning news',
      feedLinks: { rss: self },
      generator: 'eTwinning Hub',
      id: self,
      language: params.locale,
      link: `${context.origin}/`,
      title: 'eTwinning Hub — News',
      // The newest item, not the build time: the same content gives the same bytes and ETag.
      updated: new Date(latest ?? 0),
    })
    for (const item of items) {
      feed.addItem({
        date: new Date(item.publishedAt),
        description: item.summary ? escapeHtml(item.summary) : undefined,
        guid: item.link,
        link: item.link,
        title: item.title,
      })
    }
    return { body: feed.rss2(), contentType: RSS_TYPE }
  },
}
