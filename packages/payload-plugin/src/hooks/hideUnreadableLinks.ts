import type {
  CollectionAfterReadHook,
  CollectionConfig,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
} from 'payload'

import { hasAnyRole } from '../access/roles'

type Id = number | string

const isId = (value: unknown): value is Id => typeof value === 'number' || typeof value === 'string'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `req.context` key of the lookups this hook makes itself. */
const SKIP = 'etwSkipLinkCheck'

/** Per request: which linked documents the caller may read, by `collection:id`. */
const readableCache = new WeakMap<PayloadRequest, Map<string, boolean>>()

const hasDrafts = (req: PayloadRequest, slug: string): boolean => {
  const versions = req.payload.collections[slug as CollectionSlug]?.config.versions
  return Boolean(versions && versions.drafts)
}

/** The ids among `ids` of `collection` that the request's caller may read (access applied). */
const readableIds = async (
  req: PayloadRequest,
  collection: string,
  ids: Id[],
): Promise<Set<string>> => {
  let cache = readableCache.get(req)
  if (!cache) {
    cache = new Map()
    readableCache.set(req, cache)
  }
  const unknown = [...new Set(ids.map(String))].filter((id) => !cache.has(`${collection}:${id}`))
  if (unknown.length > 0) {
    const found: { docs: { id: Id }[] } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: unknown } },
      depth: 0,
      limit: unknown.length,
      pagination: false,
      // The collection is only known at run time, so its select type cannot be named here.
      select: { id: true } as never,
      overrideAccess: false,
      user: req.user,
      // Only ids are read; the linked documents' own links need no check.
      context: { [SKIP]: true },
    })
    const readable = new Set(found.docs.map((doc) => String(doc.id)))
    for (const id of unknown) cache.set(`${collection}:${id}`, readable.has(id))
  }
  return new Set(ids.map(String).filter((id) => cache.get(`${collection}:${id}`)))
}

/** A link's target: `{ relationTo, value }` for polymorphic fields, the id or document otherwise. */
const targetOf = (
  field: FlattenedField & { relationTo: string | string[] },
  value: unknown,
): { collection: string; id: Id } | undefined => {
  if (Array.isArray(field.relationTo)) {
    if (!isRecord(value) || typeof value.relationTo !== 'string' || !isId(value.value)) return
    return { collection: value.relationTo, id: value.value }
  }
  // A populated document was read with the caller's access; only bare ids are unchecked.
  return isId(value) ? { collection: field.relationTo, id: value } : undefined
}

/**
 * `afterRead` hook: removes from a document the links (top-level relationship fields) to drafted
 * documents that the caller may not read. Payload returns such links as bare ids whatever the
 * access, which would tell an anonymous caller that an unpublished item exists and its id. The
 * editorial team and calls with `overrideAccess` (the project's own Local API code) see every link.
 */
export const hideUnreadableLinks: CollectionAfterReadHook = async ({
  collection,
  context,
  doc,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || context[SKIP] || !isRecord(doc) || hasAnyRole(req.user)) return doc
  for (const field of collection.flattenedFields) {
    if (field.type !== 'relationship' && field.type !== 'upload') continue
    const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
    if (!targets.some((slug) => hasDrafts(req, slug))) continue
    const value = doc[field.name]
    const values = Array.isArray(value) ? value : [value]
    const byCollection = new Map<string, Id[]>()
    for (const item of values) {
      const target = targetOf(field, item)
      if (!target || !hasDrafts(req, target.collection)) continue
      byCollection.set(target.collection, [
        ...(byCollection.get(target.collection) ?? []),
        target.id,
      ])
    }
    if (byCollection.size === 0) continue
    const readable = new Map<string, Set<string>>()
    for (const [slug, ids] of byCollection) readable.set(slug, await readableIds(req, slug, ids))
    const keep = (item: unknown) => {
      const target = targetOf(field, item)
      if (!target || !readable.has(target.collection)) return true
      return readable.get(target.collection)!.has(String(target.id))
    }
    doc[field.name] = Array.isArray(value) ? value.filter(keep) : keep(value) ? value : null
  }
  return doc
}

/** `collection` with {@link hideUnreadableLinks} as its last `afterRead` hook. */
export const withHiddenUnreadableLinks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterRead: [...(collection.hooks?.afterRead ?? []), hideUnreadableLinks],
  },
})
