import type { FeedImage, FeedImageSource, FeedOrganization } from '@etw/client'
import type { Payload, SelectType, TypedLocale } from 'payload'

import path from 'node:path'

import {
  staticDirOf,
  storedImages,
  VARIANT_FORMATS,
  variantName,
} from '../collections/Media/hooks/imageVariants'
import { MEDIA_SLUG, ORGANIZATIONS_SLUG } from '../slugs'
import { invalidParameter } from './errors'
import { fileHash, mediaUrl } from './http/media'

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

/**
 * The media documents `ids` that an anonymous reader may see, with the fields `select` names, in
 * `locale` (for `alt`); one query, none for no ids.
 */
export const findMedia = async (
  payload: Payload,
  ids: Iterable<Id | undefined>,
  locale: string,
  select: SelectType,
): Promise<Record<string, unknown>[]> => {
  const wanted = unique(ids)
  if (wanted.length === 0) return []
  const { docs } = await payload.find({
    collection: MEDIA_SLUG,
    depth: 0,
    limit: wanted.length,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    select,
    sort: 'id',
    where: { id: { in: wanted } },
  })
  return docs as unknown as Record<string, unknown>[]
}

/** The `sizes` hint of feed images: the width a card shows them at, full width on small screens. */
export const IMAGE_SIZES_HINT = '(min-width: 48rem) 48rem, 100vw'

/**
 * The images of the media documents `ids` that an anonymous reader may see, by id, ready for
 * `<picture>`/`<img srcset sizes width height alt>` ({@link flattenImage}).
 */
export const loadImages = async (
  payload: Payload,
  ids: Iterable<Id | undefined>,
  locale: string,
  origin: string,
): Promise<Map<string, FeedImage>> => {
  const found = new Map<string, FeedImage>()
  const docs = await findMedia(payload, ids, locale, {
    alt: true,
    filename: true,
    height: true,
    mimeType: true,
    sizes: true,
    url: true,
    width: true,
  })
  const dir = staticDirOf(payload.collections[MEDIA_SLUG]?.config.upload)
  const images = await Promise.all(docs.map((doc) => flattenImage(doc, origin, dir)))
  docs.forEach((doc, index) => {
    const image = images[index]
    if (image) found.set(String(doc.id), image)
  })
  return found
}

/**
 * An image from a media document, every file on its content-addressed URL ({@link mediaUrl}):
 * `url` is the `card` size when Payload made one, else the original; `srcset` lists the original
 * and every size by width, `sources` the same widths as AVIF and WebP where those variants exist.
 * `null` for a document that is not an image or whose file is missing.
 */
export const flattenImage = async (
  doc: Record<string, unknown>,
  origin: string,
  dir: string,
): Promise<FeedImage | null> => {
  if (typeof doc.mimeType === 'string' && !doc.mimeType.startsWith('image/')) return null
  const sizes = doc.sizes as Record<string, Record<string, unknown> | undefined> | undefined
  const card = sizes?.card
  const main = card && text(card.filename) ? card : doc
  const urlOf = async (filename: string) => {
    const hash = await fileHash(path.join(dir, filename))
    return hash === undefined ? undefined : mediaUrl(origin, hash, filename)
  }
  const mainName = text(main.filename)
  const url = mainName && (await urlOf(mainName))
  if (!url) return null
  // One file per width, narrowest first.
  const files = [...new Map(storedImages(doc).map((file) => [file.width, file])).values()].sort(
    (a, b) => a.width - b.width,
  )
  // Every file is looked up at once: a page with a few images would otherwise wait for dozens of
  // file checks one after the other.
  const srcsetOf = async (name: (filename: string) => string) => {
    const addresses = await Promise.all(files.map((file) => urlOf(name(file.filename))))
    return files
      .flatMap((file, index) => (addresses[index] ? [`${addresses[index]} ${file.width}w`] : []))
      .join(', ')
  }
  const [srcset, ...variants] = await Promise.all([
    srcsetOf((filename) => filename),
    ...VARIANT_FORMATS.map((format) => srcsetOf((filename) => variantName(filename, format))),
  ])
  const sources: FeedImageSource[] = VARIANT_FORMATS.flatMap((format, index) =>
    variants[index] ? [{ type: `image/${format}`, srcset: variants[index] }] : [],
  )
  return {
    alt: text(doc.alt) ?? '',
    height: dimension(main.height),
    sizes: IMAGE_SIZES_HINT,
    sources,
    srcset: srcset ?? '',
    url,
    width: dimension(main.width),
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
