import type { CollectionConfig, CollectionSlug, PayloadRequest } from 'payload'

/** Versions of news and events: autosaved drafts every two seconds, scheduled publishing, 50 versions kept. */
export const draftVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}

/**
 * `_status` of the stored (live) document `id` of a drafted collection, read in the transaction of
 * `req`. Saving a draft leaves the stored document as it was, so this tells whether the live
 * document is published, whatever drafts stand on top of it.
 */
export const storedStatus = async (
  req: PayloadRequest,
  collection: string,
  id: unknown,
): Promise<unknown> => {
  const stored = (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    req,
    where: { id: { equals: id } },
  })) as { _status?: unknown } | null
  return stored?._status
}
