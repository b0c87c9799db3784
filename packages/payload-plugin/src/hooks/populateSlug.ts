import type { CollectionBeforeValidateHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { slugify } from '../utilities/slugify'

type PopulateSlugArgs = {
  /** Locale whose title is preferred when the hook sees every locale at once. */
  defaultLocale: string
  /** Slug used when the title has no letters or digits at all (e.g. only emoji). */
  fallback: string
  /** Fields the slug is made from, first non-empty wins (`['shortName', 'name']`). */
  sourceFields: string[]
  /**
   * Follow title edits while the document has never been published and its slug still is the one
   * made from the previous title, so autosave of a half-typed title does not freeze the slug.
   */
  followTitleUntilPublished?: boolean
}

type Doc = Record<string, unknown> & { id?: number | string }

const MAX_SUFFIX = 1000

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Text of a possibly localized value: the string itself, or the first non-empty locale. */
const textOf = (value: unknown, defaultLocale: string): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value !== 'object' || value === null) return undefined
  const byLocale = value as Record<string, unknown>
  const ordered = [byLocale[defaultLocale], ...Object.values(byLocale)]
  return ordered.find((text): text is string => typeof text === 'string' && text.trim() !== '')
}

const sourceText = (doc: Doc | undefined, args: PopulateSlugArgs): string | undefined => {
  if (!doc) return undefined
  for (const field of args.sourceFields) {
    const text = textOf(doc[field], args.defaultLocale)
    if (text) return text
  }
  return undefined
}

const isTaken = async (
  req: PayloadRequest,
  collection: string,
  slug: string,
  id: Doc['id'],
): Promise<boolean> => {
  const where: Where =
    id === undefined
      ? { slug: { equals: slug } }
      : { and: [{ slug: { equals: slug } }, { id: { not_equals: id } }] }
  const { totalDocs } = await req.payload.count({
    collection: collection as CollectionSlug,
    overrideAccess: true,
    req,
    where,
  })
  return totalDocs > 0
}

/** `base`, or `base-2`, `base-3`… whichever no other document of the collection uses. */
export const uniqueSlug = async (
  req: PayloadRequest,
  collection: string,
  base: string,
  id?: Doc['id'],
): Promise<string> => {
  if (!(await isTaken(req, collection, base, id))) return base
  for (let suffix = 2; suffix <= MAX_SUFFIX; suffix += 1) {
    const candidate = `${base}-${suffix}`
    if (!(await isTaken(req, collection, candidate, id))) return candidate
  }
  return `${base}-${Date.now().toString(36)}`
}

const isPublished = async (req: PayloadRequest, collection: string, id: Doc['id']) => {
  if (id === undefined) return false
  const { totalDocs } = await req.payload.count({
    collection: collection as CollectionSlug,
    overrideAccess: true,
    req,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
  })
  return totalDocs > 0
}

const followsTitle = async (
  data: Doc,
  originalDoc: Doc,
  collection: string,
  req: PayloadRequest,
  args: PopulateSlugArgs,
): Promise<boolean> => {
  const previousSlug = originalDoc.slug
  if (!args.followTitleUntilPublished || typeof previousSlug !== 'string') return false
  if (data.slug !== undefined && data.slug !== previousSlug) return false
  const before = sourceText(originalDoc, args)
  const after = sourceText(data, args)
  if (!before || !after || before === after) return false
  const auto = new RegExp(`^${escapeRegExp(slugify(before) || args.fallback)}(-\\d+)?$`)
  if (!auto.test(previousSlug)) return false
  return !(await isPublished(req, collection, originalDoc.id))
}

/**
 * `beforeValidate` hook that fills an empty `slug` from the title (transliterated, see `slugify`),
 * normalises a slug typed by an editor, and keeps the slug unique in the collection with `-2`, `-3`…
 */
export const populateSlug =
  (args: PopulateSlugArgs): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const doc = data as Doc
    const original = originalDoc as Doc | undefined
    const typed = typeof doc.slug === 'string' ? doc.slug.trim() : undefined
    const current = typed ?? (typeof original?.slug === 'string' ? original.slug : '')

    const follow = original ? await followsTitle(doc, original, collection.slug, req, args) : false

    let base: string
    if (typed && !follow) {
      base = slugify(typed) || args.fallback
    } else if (current && !follow) {
      // Checked again on every save: a draft may hold a slug that another document was published with since.
      base = current
    } else {
      const title = sourceText(doc, args) ?? sourceText(original, args)
      if (!title) {
        // An empty string would collide in the unique index; no value does not.
        if (doc.slug === '') doc.slug = null
        return doc
      }
      base = slugify(title) || args.fallback
    }
    doc.slug = await uniqueSlug(req, collection.slug, base, original?.id)
    return doc
  }
