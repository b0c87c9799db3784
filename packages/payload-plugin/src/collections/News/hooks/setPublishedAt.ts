import type { CollectionBeforeChangeHook } from 'payload'

/** Sets `publishedAt` to now the first time a news item is published without a date. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const publishedAt =
    data.publishedAt ?? (originalDoc as { publishedAt?: unknown } | undefined)?.publishedAt
  if (data._status === 'published' && !publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
