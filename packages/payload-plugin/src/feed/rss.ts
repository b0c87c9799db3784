import type { NewsItem } from '@etw/client'
import type { Payload } from 'payload'

import { Feed as RssFeed } from 'feed'
import { html } from 'ghtml'

import type { NormalizedParams, RouteContext, RouteHandler } from './handler'
import type { NewsParams } from './news'

import { listHref } from '../pages/shared'
import { loadSite } from '../pages/site'
import { pageText } from '../pages/text'
import { NEWS_SLUG } from '../slugs'
import { isHttpUrl } from '../utilities/url'
import { createLinkMaker } from './links'
import { parseNewsFilters, queryNews } from './news'
import { parseLimit } from './params'
import { findMedia, relationId } from './relations'
import { findPublishedByIds, loadLinkedDocumentUrls } from './routes/item'
import { richTextImageIds } from './richText'
import { absoluteUrl } from './urls'
import { routeParameters } from '../contract/routes'

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

/**
 * Text for a CDATA section written by `feed`, which splits only the first `]]>` of a value: every
 * later one is split here, so that no text can close the section and add elements to the feed.
 */
export const cdataText = (text: string): string => {
  const [first = '', ...rest] = text.split(']]>')
  return rest.length === 0 ? first : `${first}]]>${rest.join(']]]]><![CDATA[>')}`
}

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

/** An RSS `<enclosure>`: the file's absolute URL, its length in bytes and its MIME type. */
export interface Enclosure {
  url: string
  length: number
  type: string
}

/**
 * The enclosures of the items' covers: the file each item's `image.url` is (the `card` size when
 * Payload made one, else the original, as the fast path serves it), with its stored size and type.
 */
export const loadEnclosures = async (
  payload: Payload,
  items: readonly { coverId: number | string | undefined; item: NewsItem }[],
  locale: string,
): Promise<Map<string, Enclosure>> => {
  const found = new Map<string, Enclosure>()
  const docs = await findMedia(
    payload,
    items.map(({ coverId }) => coverId),
    locale,
    { filename: true, filesize: true, mimeType: true, sizes: true },
  )
  type File = { filename?: unknown; filesize?: unknown; mimeType?: unknown }
  const files = new Map<string, File>()
  for (const doc of docs as unknown as (File & { id: number | string; sizes?: unknown })[]) {
    const card = (doc.sizes as Record<string, File | undefined> | null | undefined)?.card
    files.set(
      String(doc.id),
      card && typeof card.filename === 'string' && card.filename ? card : doc,
    )
  }
  for (const { coverId, item } of items) {
    const file = coverId === undefined ? undefined : files.get(String(coverId))
    if (!item.image || !file) continue
    if (typeof file.filesize !== 'number' || typeof file.mimeType !== 'string') continue
    found.set(item.id, { length: file.filesize, type: file.mimeType, url: item.image.url })
  }
  return found
}

/** What `news.rss` reads of each item besides the feed's fields: its body and its cover. */
export interface ArticleParts {
  body?: unknown
  cover?: unknown
}

/**
 * The body and cover of each published item, by item id (in `locale`, as the items were read).
 */
export const loadArticleParts = async (
  items: readonly NewsItem[],
  locale: string,
  context: RouteContext,
): Promise<Map<string, ArticleParts>> => {
  const docs = await findPublishedByIds<ArticleParts & { id: number | string }>(
    context,
    NEWS_SLUG,
    items.map((item) => (context.idType === 'number' ? Number(item.id) : item.id)),
    locale,
    { body: true, cover: true },
  )
  return new Map(docs.map((doc) => [String(doc.id), doc]))
}

/**
 * The whole article of each item as HTML, by item id, made as the article page makes its body
 * (`richTextHtml`: text escaped, links vetted as at save time, internal links to the pages of
 * published items, images from the media library with `srcset`), then the source it was first
 * published at. An item without a body gets its summary, escaped.
 */
export const renderArticles = async (
  items: readonly NewsItem[],
  parts: ReadonlyMap<string, ArticleParts>,
  locale: string,
  context: RouteContext,
): Promise<Map<string, string>> => {
  const bodies = new Map([...parts].map(([id, part]) => [id, part.body]))
  const [{ richTextHtml }, { loadResponsiveImages }, link] = await Promise.all([
    import('../pages/richText'),
    import('../pages/images'),
    createLinkMaker(context, locale),
  ])
  const [images, urls] = await Promise.all([
    loadResponsiveImages(
      context.payload,
      [...bodies.values()].flatMap(richTextImageIds),
      locale,
      context.origin,
    ),
    Promise.all(
      [...bodies.values()].map((body) => loadLinkedDocumentUrls(body, context, locale, link)),
    ).then((maps) => new Map(maps.flatMap((map) => [...map]))),
  ])
  const articles = new Map<string, string>()
  for (const item of items) {
    const body = richTextHtml(bodies.get(item.id), {
      document: (relationTo, id) => urls.get(`${relationTo}:${String(id)}`),
      image: (id) => images.get(String(id)),
    })
    const source =
      item.source?.url && isHttpUrl(item.source.url)
        ? html`<p>
            ${pageText(locale, 'pageOriginallyPublished')}
            <a href="${item.source.url}">${item.source.title ?? item.source.url}</a>
          </p>`
        : ''
    const text = body || (item.summary ? html`<p>${item.summary}</p>` : '')
    if (text || source) articles.set(item.id, `${text}${source}`)
  }
  return articles
}

/**
 * `GET /api/etw/v1/news.rss`: RSS 2.0 in one locale (`<language>`), with an `atom:link rel="self"`
 * and the news list page of that locale (with the same filters) as the channel's link; the same
 * items and filters as `news` (`locale`, `country`, `organization`, `tag`, `limit` default 20), no
 * paging. Each item has its title (plain text), its page as link and permalink guid, pubDate, the
 * summary, HTML-escaped, as description, the whole article as `content:encoded`
 * ({@link renderArticles}) and its cover as `<enclosure>` ({@link loadEnclosures}).
 */
export const newsRssRoute: RouteHandler<NewsRssParams> = {
  parameters: routeParameters('newsRss'),
  parse: (query, context) => ({
    ...parseNewsFilters(query, context),
    limit: parseLimit(query.get('limit'), DEFAULT_RSS_LIMIT, context.maxLimit),
  }),
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, routeContext) => {
    const context = { ...routeContext, origin: routeContext.origin || FALLBACK_ORIGIN }
    const { locale } = params
    const [{ items }, site] = await Promise.all([
      queryNews({ ...params, cursor: undefined, page: 1 }, context),
      loadSite(context, locale),
    ])
    const parts = await loadArticleParts(items, locale, context)
    const [articles, enclosures] = await Promise.all([
      renderArticles(items, parts, locale, context),
      loadEnclosures(
        context.payload,
        items.map((item) => ({ coverId: relationId(parts.get(item.id)?.cover), item })),
        locale,
      ),
    ])
    const self = canonicalUrl(context, params, {
      limit: Math.min(DEFAULT_RSS_LIMIT, context.maxLimit),
      locale: context.defaultLocale,
    })
    const latest = items[0]?.publishedAt
    const feed = new RssFeed({
      copyright: '',
      description: pageText(locale, 'pageLatestNews'),
      feedLinks: { rss: self },
      generator: 'eTwinning Hub',
      id: self,
      language: locale,
      link: absoluteUrl(
        context.origin,
        listHref(`/${locale}/news`, {
          country: params.country,
          organization: params.organization,
          tag: params.tag,
        }),
      ),
      title: cdataText(`${site.name} — ${pageText(locale, 'pageNews')}`),
      // The newest item, not the build time: the same content gives the same bytes and ETag.
      updated: new Date(latest ?? 0),
    })
    for (const item of items) {
      const enclosure = enclosures.get(item.id)
      feed.addItem({
        content: articles.get(item.id),
        date: new Date(item.publishedAt),
        description: item.summary ? escapeHtml(item.summary) : undefined,
        // `feed` guesses an enclosure's type from the file name (`image/jpg`): the stored type is
        // written instead.
        extensions: enclosure
          ? [{ name: 'enclosure', objects: { _attributes: { ...enclosure } } }]
          : undefined,
        // Without `guid`, `feed` writes the link as a permalink guid.
        link: item.link,
        title: cdataText(item.title),
      })
    }
    return { body: feed.rss2(), contentType: RSS_TYPE }
  },
}
