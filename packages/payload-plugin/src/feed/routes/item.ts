import type { CollectionSlug, SelectType, TypedLocale, Where } from 'payload'

import type { FeedImage, RichTextBlock } from '@etw/client'

import type { RouteContext } from '../handler'
import type { LinkKind, LinkMaker } from '../links'

import { EVENTS_SLUG, NEWS_SLUG } from '../../slugs'
import { notFound } from '../errors'
import { itemSlugValue } from '../../contract/parameters'
import { parseLocale } from '../params'
import { loadImages } from '../relations'
import { richTextImageIds, richTextLinkedDocuments, richTextTree } from '../richText'

/** Parameters of the single-item routes: the slug from the path, the locale from the query. */
export interface ItemParams {
  slug: string
  locale: string
}

/**
 * Reads the slug from the last path segment and `locale` from the query. A path segment that is not
 * a slug names no item: 404, as for an unknown slug.
 */
export const parseItemParams = (
  query: ReadonlyMap<string, string>,
  context: RouteContext,
  what: string,
): ItemParams => {
  const segment = context.pathname.slice(context.pathname.lastIndexOf('/') + 1)
  let decoded: string | undefined
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    decoded = undefined
  }
  const parsed = itemSlugValue.safeParse(decoded)
  const slug = parsed.success ? parsed.data : undefined
  if (!slug) throw notFound(`No published ${what} has the slug "${segment.slice(0, 100)}".`)
  return {
    locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
    slug,
  }
}

/** Conditions every public read adds: published, and for news, with a publication date. */
export const publishedWhere = (collection: CollectionSlug): Where[] =>
  collection === NEWS_SLUG
    ? [{ _status: { equals: 'published' } }, { publishedAt: { exists: true } }]
    : [{ _status: { equals: 'published' } }]

/**
 * The published document with `slug`, read anonymously in `locale` without falling back to
 * another locale, and the locale its texts are in: when it has no title in `locale`, it is read in
 * the default locale, which is then the locale shown. `null` when no published document has the
 * slug.
 */
export const findPublishedBySlug = async <Doc extends { id: number | string; title?: unknown }>(
  context: RouteContext,
  collection: CollectionSlug,
  slug: string,
  locale: string,
  select: SelectType,
): Promise<{ doc: Doc; locale: string } | null> => {
  const read = async (readLocale: string, where: Where) => {
    const { docs } = await context.payload.find({
      collection,
      depth: 0,
      draft: false,
      fallbackLocale: false as unknown as TypedLocale,
      limit: 1,
      locale: readLocale as TypedLocale,
      overrideAccess: false,
      pagination: false,
      select,
      where: { and: [...publishedWhere(collection), where] },
    })
    return docs[0] as unknown as Doc | undefined
  }
  const doc = await read(locale, { slug: { equals: slug } })
  if (!doc) return null
  if (typeof doc.title === 'string' && doc.title.trim() !== '') return { doc, locale }
  if (locale === context.defaultLocale) return { doc, locale }
  const fallback = await read(context.defaultLocale, { id: { equals: doc.id } })
  return fallback ? { doc: fallback, locale: context.defaultLocale } : { doc, locale }
}

/** Published documents of `collection` by id, with the fields `select` names, in `locale`. */
export const findPublishedByIds = async <Doc extends { id: number | string }>(
  context: RouteContext,
  collection: CollectionSlug,
  ids: readonly (number | string)[],
  locale: string,
  select: SelectType,
): Promise<Doc[]> => {
  if (ids.length === 0) return []
  const { docs } = await context.payload.find({
    collection,
    depth: 0,
    draft: false,
    limit: ids.length,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    select,
    sort: 'id',
    where: { and: [...publishedWhere(collection), { id: { in: [...new Set(ids)] } }] },
  })
  return docs as unknown as Doc[]
}

const LINKABLE: Record<string, LinkKind> = { [EVENTS_SLUG]: 'events', [NEWS_SLUG]: 'news' }

/**
 * The public pages of the published news and events the internal links of a Lexical value point
 * to, by `collection:id`; links to anything else are not in the map.
 */
export const loadLinkedDocumentUrls = async (
  value: unknown,
  context: RouteContext,
  locale: string,
  link: LinkMaker,
): Promise<Map<string, string>> => {
  const linked = [...richTextLinkedDocuments(value)].filter(
    ([relationTo]) => relationTo in LINKABLE,
  )
  const documents = await Promise.all(
    linked.map(([relationTo, ids]) =>
      findPublishedByIds<{ id: number | string; slug?: string | null }>(
        context,
        relationTo as CollectionSlug,
        ids,
        locale,
        { slug: true },
      ),
    ),
  )
  const urls = new Map<string, string>()
  linked.forEach(([relationTo], index) => {
    for (const doc of documents[index] ?? []) {
      if (doc.slug) {
        urls.set(
          `${relationTo}:${String(doc.id)}`,
          link(LINKABLE[relationTo]!, { id: doc.id, slug: doc.slug }),
        )
      }
    }
  })
  return urls
}

/**
 * The vetted tree of a Lexical value: images loaded from the media library, internal links resolved
 * to the public pages of published news and events (links to anything else keep only their text).
 */
export const loadRichTextTree = async (
  value: unknown,
  context: RouteContext,
  locale: string,
  link: LinkMaker,
): Promise<RichTextBlock[]> => {
  const [images, urls] = await Promise.all([
    loadImages(context.payload, richTextImageIds(value), locale, context.origin),
    loadLinkedDocumentUrls(value, context, locale, link),
  ])
  return richTextTree(value, {
    document: (relationTo, id) => urls.get(`${relationTo}:${String(id)}`),
    image: (id) => (images as Map<string, FeedImage>).get(String(id)),
  })
}
