import type { NewsArticle } from '@etw/client'

import type { NormalizedParams, RouteContext, RouteHandler } from '../handler'
import type { NewsDoc } from '../news'
import type { ItemParams } from './item'

import { EVENTS_SLUG, NEWS_SLUG } from '../../slugs'
import { notFound } from '../errors'
import { jsonBody } from '../handler'
import { formatDate } from '../format'
import { createLinkMaker } from '../links'
import { iso, NEWS_SELECT, toNewsItem } from '../news'
import { loadImages, loadOrganizations, relationId } from '../relations'
import { findPublishedByIds, findPublishedBySlug, loadRichTextTree, parseItemParams } from './item'
import { routeParameters } from '../../contract/routes'

/** A news document as the article reads it. */
export type ArticleDoc = NewsDoc & {
  body?: unknown
  relatedEvents?: unknown[] | null
  updatedAt?: string | null
}

type RelatedEventDoc = {
  id: number | string
  slug?: string | null
  startsAt?: string | null
  timeZone?: string | null
  title?: string | null
}

/**
 * One published news item in full, in `locale` (or the default locale where it has no text there),
 * or `null`. What the article route and the public page show.
 */
export const loadNewsArticle = async (
  params: ItemParams,
  context: RouteContext,
): Promise<NewsArticle | null> => {
  const found = await findNewsArticleDoc(params, context)
  return found ? toNewsArticle({ ...found, requested: params.locale }, context) : null
}

/** The fields of a news item its article shows. */
export const ARTICLE_SELECT = {
  ...NEWS_SELECT,
  body: true,
  relatedEvents: true,
  updatedAt: true,
} as const

/** The published news document with the slug of `params` ({@link findPublishedBySlug}). */
export const findNewsArticleDoc = (
  params: ItemParams,
  context: RouteContext,
): Promise<{ doc: ArticleDoc; locale: string } | null> =>
  findPublishedBySlug<ArticleDoc>(context, NEWS_SLUG, params.slug, params.locale, ARTICLE_SELECT)

/**
 * The article of a news document read in `locale` (a published one, or a draft for its preview).
 * `tree: false` leaves out the body's node tree and the cover's feed image, which a page renders
 * from the document itself.
 */
export const toNewsArticle = async (
  { doc, locale, requested = locale }: { doc: ArticleDoc; locale: string; requested?: string },
  context: RouteContext,
  { tree = true }: { tree?: boolean } = {},
): Promise<NewsArticle> => {
  const [organizations, images, link, events] = await Promise.all([
    loadOrganizations(context.payload, [relationId(doc.organization)], locale),
    tree ? loadImages(context.payload, [relationId(doc.cover)], locale, context.origin) : new Map(),
    createLinkMaker(context, locale),
    findPublishedByIds<RelatedEventDoc>(
      context,
      EVENTS_SLUG,
      (doc.relatedEvents ?? []).flatMap((value) => {
        const id = relationId(value)
        return id === undefined ? [] : [id]
      }),
      locale,
      { slug: true, startsAt: true, timeZone: true, title: true },
    ),
  ])
  return {
    ...toNewsItem(doc, { images, link, organizations }, requested, locale),
    body: tree ? await loadRichTextTree(doc.body, context, locale, link) : [],
    locale,
    relatedEvents: events
      .filter((event) => event.slug && event.title && event.startsAt)
      .sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))
      .map((event) => ({
        link: link('events', { id: event.id, slug: event.slug as string }),
        slug: event.slug as string,
        start: iso(event.startsAt as string),
        title: event.title as string,
        formatted: {
          start: formatDate(requested, event.startsAt as string, event.timeZone || 'UTC'),
        },
      })),
    updatedAt: iso(doc.updatedAt ?? (doc.publishedAt as string)),
  }
}

/**
 * `GET /api/etw/v1/news/{slug}`: one published news item in full, its body as a vetted node tree;
 * `locale` as for the lists. A JSON 404 for an unknown slug, a draft or a scheduled item.
 */
export const newsItemRoute: RouteHandler<ItemParams> = {
  parameters: routeParameters('newsItem'),
  parse: (query, context) => parseItemParams(query, context, 'news item'),
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, context) => {
    const article = await loadNewsArticle(params, context)
    if (!article) throw notFound(`No published news item has the slug "${params.slug}".`)
    return jsonBody(article)
  },
}
