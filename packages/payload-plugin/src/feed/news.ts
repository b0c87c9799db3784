import type { FeedImage, FeedOrganization, NewsItem, NewsResponse, Source } from '@etw/client'
import type { Where } from 'payload'

import type { Cursor } from './cursor'
import type { NormalizedParams, RouteContext, RouteHandler } from './handler'
import type { LinkMaker } from './links'

import { NEWS_SLUG } from '../slugs'
import { decodeCursor, encodeCursor } from './cursor'
import { invalidParameter } from './errors'
import { jsonBody } from './handler'
import { findPage } from './keyset'
import { formatDate } from './format'
import { createLinkMaker } from './links'
import {
  parseCountry,
  parseLimit,
  parseLocale,
  parsePage,
  parseSearch,
  parseSlug,
  parseTag,
} from './params'
import { findSearchPage, highlightsOf, refuseCursorWithSearch } from './search'
import { loadImages, loadOrganizations, organizationIdBySlug, relationId } from './relations'
import { servedLocales } from './served-locale'
import { routeParameters } from '../contract/routes'

/** Items of `news` when `limit` is absent. */
export const DEFAULT_NEWS_LIMIT = 5

/** The ordering of news cursors: newest first by `publishedAt`, then id. */
export const NEWS_ORDER = 'news'

/** Parameters of `news` (and, without paging, of `news.rss`). */
export interface NewsParams {
  limit: number
  page: number
  cursor: Cursor | undefined
  locale: string
  country: string | undefined
  organization: string | undefined
  tag: string | undefined
  /** Search words: the list is then ordered by relevance and items get a `highlight`. */
  q?: string | undefined
}

/** One page of news. */
export interface NewsPage {
  items: NewsItem[]
  page: number
  hasNextPage: boolean
  nextCursor: string | null
}

/** A news document as the feed reads it. */
export type NewsDoc = {
  country?: string | null
  cover?: unknown
  id: number | string
  organization?: unknown
  publishedAt?: string | null
  slug?: string | null
  sourceTitle?: string | null
  sourceUrl?: string | null
  summary?: string | null
  tags?: string[] | null
  title?: string | null
}

/** Reads `page`/`cursor` (not both) for a list whose cursors have the ordering `order`. */
export const parsePaging = (
  query: ReadonlyMap<string, string>,
  order: string,
  context: RouteContext,
): { cursor: Cursor | undefined; page: number } => {
  const cursorText = query.get('cursor')
  if (cursorText !== undefined && query.has('page')) {
    throw invalidParameter('cursor', 'Give "page" or "cursor", not both.')
  }
  if (cursorText === undefined) return { cursor: undefined, page: parsePage(query.get('page')) }
  const cursor = decodeCursor(cursorText, order, context.idType)
  return { cursor, page: cursor.page }
}

/** Parses the filters shared by `news` and `news.rss`. */
export const parseNewsFilters = (query: ReadonlyMap<string, string>, context: RouteContext) => ({
  country: parseCountry(query.get('country')),
  locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
  organization: parseSlug('organization', query.get('organization')),
  tag: parseTag(query.get('tag')),
})

/** An ISO instant. */
export const iso = (value: string): string => new Date(value).toISOString()

/** The fields of a news item the feed reads. */
export const NEWS_SELECT = {
  country: true,
  cover: true,
  organization: true,
  publishedAt: true,
  slug: true,
  sourceTitle: true,
  sourceUrl: true,
  summary: true,
  tags: true,
  title: true,
} as const

/**
 * Published news, newest first, flattened for display. Reads only published documents (anonymous
 * access plus an explicit `_status` condition) and only the fields shown, a page at a time
 * ({@link findPage}).
 */
export const queryNews = async (params: NewsParams, context: RouteContext): Promise<NewsPage> => {
  const { payload } = context
  const and: Where[] = [{ _status: { equals: 'published' } }, { publishedAt: { exists: true } }]
  if (params.country) and.push({ country: { equals: params.country } })
  if (params.organization) {
    const id = await organizationIdBySlug(payload, params.organization)
    and.push({ organization: { equals: id } })
  }
  if (params.q !== undefined) {
    if (params.tag) and.push({ tags: { equals: params.tag } })
    const found = await findSearchPage<NewsDoc>(payload, {
      collection: NEWS_SLUG,
      limit: params.limit,
      locale: params.locale,
      page: params.page,
      q: params.q,
      select: NEWS_SELECT,
      where: and,
    })
    const items = await toNewsItems(found.docs, params.locale, context)
    const q = params.q
    return {
      hasNextPage: found.hasNextPage,
      items: items.map((item, index) => ({
        ...item,
        highlight: highlightsOf(q, found.docs[index]!),
      })),
      nextCursor: null,
      page: params.page,
    }
  }
  const { docs, hasNextPage, nextCursor } = await findPage<NewsDoc>(
    payload,
    {
      collection: NEWS_SLUG,
      cursor: params.cursor,
      direction: 'desc',
      field: 'publishedAt',
      holds: params.tag ? { field: 'tags', value: params.tag } : undefined,
      limit: params.limit,
      locale: params.locale,
      order: NEWS_ORDER,
      page: params.page,
      select: NEWS_SELECT,
      where: and,
    },
    (doc) => iso(doc.publishedAt as string),
  )
  const items = await toNewsItems(docs, params.locale, context)
  return { hasNextPage, items, nextCursor, page: params.page }
}

/** What {@link toNewsItem} looks related documents up in. */
export interface NewsRelations {
  images: ReadonlyMap<string, FeedImage>
  organizations: ReadonlyMap<string, FeedOrganization>
  link: LinkMaker
}

/** The source of a news item: its URL and title when it has a source URL. */
export const newsSource = (doc: Pick<NewsDoc, 'sourceTitle' | 'sourceUrl'>): Source | null =>
  doc.sourceUrl ? { title: doc.sourceTitle || null, url: doc.sourceUrl } : null

/**
 * A news document flattened for display: `locale` formats its date, `served` is the locale its
 * texts are in ({@link servedLocales}).
 */
export const toNewsItem = (
  doc: NewsDoc,
  { images, link, organizations }: NewsRelations,
  locale: string,
  served = locale,
): NewsItem => {
  const organizationId = relationId(doc.organization)
  const coverId = relationId(doc.cover)
  const slug = doc.slug ?? ''
  return {
    country: doc.country ?? null,
    formatted: { publishedAt: formatDate(locale, doc.publishedAt ?? '') },
    id: String(doc.id),
    image: (coverId !== undefined && images.get(String(coverId))) || null,
    link: link('news', { id: doc.id, slug }),
    locale: served,
    organization:
      (organizationId !== undefined && organizations.get(String(organizationId))) || null,
    publishedAt: iso(doc.publishedAt as string),
    slug,
    source: newsSource(doc),
    summary: doc.summary || null,
    tags: doc.tags ?? [],
    title: doc.title ?? '',
  }
}

/**
 * News documents (read with {@link NEWS_SELECT} in `locale`) as the feed shows them: flattened, with
 * the organization's name, the cover's URLs and the item's link.
 */
export const toNewsItems = async (
  docs: readonly NewsDoc[],
  locale: string,
  context: Pick<RouteContext, 'origin' | 'payload'>,
): Promise<NewsItem[]> => {
  const { payload } = context
  const [organizations, images, link, served] = await Promise.all([
    loadOrganizations(
      payload,
      docs.map((doc) => relationId(doc.organization)),
      locale,
    ),
    loadImages(
      payload,
      docs.map((doc) => relationId(doc.cover)),
      locale,
      context.origin,
    ),
    createLinkMaker(context, locale),
    servedLocales(
      payload,
      NEWS_SLUG,
      docs.map((doc) => doc.id),
      locale,
    ),
  ])
  return docs.map((doc) => toNewsItem(doc, { images, link, organizations }, locale, served(doc.id)))
}

/**
 * `GET /api/etw/v1/news`: latest published news, `limit` items (default 5, at most the configured
 * `maxLimit`), by `page` or `cursor`, filtered by `country`, `organization` (slug) and `tag`; with
 * `q`, the news that match it, most relevant first, each with its `highlight`.
 */
export const newsRoute: RouteHandler<NewsParams> = {
  parameters: routeParameters('news'),
  parse: (query, context) => {
    const q = parseSearch(query.get('q'))
    const paging = parsePaging(query, NEWS_ORDER, context)
    refuseCursorWithSearch(q, paging.cursor)
    return {
      ...parseNewsFilters(query, context),
      ...paging,
      limit: parseLimit(query.get('limit'), DEFAULT_NEWS_LIMIT, context.maxLimit),
      q,
    }
  },
  normalize: ({ cursor, ...params }): NormalizedParams => ({
    ...params,
    cursor: cursor && encodeCursor(cursor),
  }),
  produce: async (params, context) => {
    const page = await queryNews(params, context)
    const response: NewsResponse = {
      hasNextPage: page.hasNextPage,
      items: page.items,
      limit: params.limit,
      locale: params.locale,
      nextCursor: page.nextCursor,
      page: page.page,
    }
    return jsonBody(response)
  },
}
