import type { FeedImage, FeedOrganization } from '@etw/client'
import type { Payload, TypedLocale } from 'payload'

import { MEDIA_SLUG, ORGANIZATIONS_SLUG } from '../slugs'
import { invalidParameter } from './errors'
import { absoluteUrl } from './urls'

/**
 * Batch loading of what news and events point to: one `id in [...]` query per collection, read
 * anonymously, only the fields the feed shows.
 */

type Id = number | string

/** The id of a relationship value read at depth 0 (an id, or a populated document). */
export const relationId = (value: unknown): Id | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return relationId(value.id)
  return undefined
}

const unique = (ids: Iterable<Id | undefined>): Id[] => [
  ...new Set([...ids].filter((id): id is Id => id !== undefined)),
]

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

const dimension = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** Organizations by id, as the feeds show them, in `locale`. */
export const loadOrganizations = async (
  payload: Payload,
  ids: Iterable<Id | undefined>,
  locale: string,
): Promise<Map<string, FeedOrganization>> => {
  const wanted = unique(ids)
  const found = new Map<string, FeedOrganization>()
  if (wanted.length === 0) return found
  const { docs } = await payload.find({
    collection: ORGANIZATIONS_SLUG,
    depth: 0,
    limit: wanted.length,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    select: { country: true, name: true, slug: true },
    // By id: the default sort (by localized name) would cost a join.
    sort: 'id',
    where: { id: { in: wanted } },
  })
  for (const doc of docs as unknown as Record<string, unknown>[]) {
    const slug = text(doc.slug)
    const name = text(doc.name)
    if (!slug || !name) continue
    found.set(String(doc.id), { country: text(doc.country), name, slug })
  }
  return found
}

/** Images by id, ready for `<img>`, in `locale` (for `alt`); documents that are not images are left out. */
export const loadImages = async (
  payload: Payload,
  ids: Iterable<Id | undefined>,
  locale: string,
  origin: string,
): Promise<Map<string, FeedImage>> => {
  const wanted = unique(ids)
  const found = new Map<string, FeedImage>()
  if (wanted.length === 0) return found
  const { docs } = await payload.find({
    collection: MEDIA_SLUG,
    depth: 0,
    limit: wanted.length,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    select: {
      alt: true,
      filename: true,
      height: true,
      mimeType: true,
      sizes: { card: true },
      url: true,
      width: true,
    },
    sort: 'id',
    where: { id: { in: wanted } },
  })
  for (const doc of docs as unknown as Record<string, unknown>[]) {
    const image = flattenImage(doc, origin)
    if (image) found.set(String(doc.id), image)
  }
  return found
}

/**
 * An image from a media document: its `card` size when Payload made one, else the original; `null`
 * for a document that is not an image or has no URL.
 */
export const flattenImage = (doc: Record<string, unknown>, origin: string): FeedImage | null => {
  if (typeof doc.mimeType === 'string' && !doc.mimeType.startsWith('image/')) return null
  const sizes = doc.sizes as Record<string, Record<string, unknown> | undefined> | undefined
  const card = sizes?.card
  const source = card && text(card.url) && text(card.filename) ? card : doc
  const url = text(source.url)
  if (!url) return null
  return {
    alt: text(doc.alt) ?? '',
    height: dimension(source.height),
    url: absoluteUrl(origin, url),
    width: dimension(source.width),
  }
}

/**
 * The id of the organization with `slug`. An unknown slug is a 400 naming `parameter`: a widget
 * configured with a typo should say so rather than stay empty.
 */
export const organizationIdBySlug = async (
  payload: Payload,
  slug: string,
  parameter = 'organization',
): Promise<Id> => {
  const { docs } = await payload.find({
    collection: ORGANIZATIONS_SLUG,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    select: { slug: true },
    where: { slug: { equals: slug } },
  })
  const id = relationId(docs[0]?.id)
  if (id === undefined) {
    throw invalidParameter(parameter, `No organization has the slug "${slug}".`)
  }
  return id
}
