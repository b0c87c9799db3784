import type { CollectionSlug, Payload, SelectType, TypedLocale, Where } from 'payload'

import type { Cursor } from './cursor'

import { encodeCursor } from './cursor'

/** One page of a feed list, read by {@link findPage}. */
export interface KeysetQuery {
  collection: CollectionSlug
  /** Date field the list is sorted by; the id breaks ties. */
  field: string
  direction: 'asc' | 'desc'
  /** Name of the ordering, checked when a cursor comes back (see `decodeCursor`). */
  order: string
  /** Filters; the cursor's condition is added to them. */
  where: Where[]
  cursor: Cursor | undefined
  page: number
  limit: number
  locale: string
  select: SelectType
}

/**
 * Reads one page of published documents anonymously (`overrideAccess: false`, no drafts). The
 * first page and cursor pages fetch one more item than asked to know whether a next page exists
 * without counting; deep `page`s count instead, since not every database adapter can skip rows
 * without paginating. `valueOf` gives a document's sort value as an ISO instant, for the cursor
 * of the next page.
 */
export const findPage = async <Doc extends { id: number | string }>(
  payload: Payload,
  query: KeysetQuery,
  valueOf: (doc: Doc) => string,
): Promise<{ docs: Doc[]; hasNextPage: boolean; nextCursor: string | null }> => {
  const { cursor, direction, field, limit, page } = query
  const where = [...query.where]
  if (cursor) {
    const after = direction === 'asc' ? 'greater_than' : 'less_than'
    where.push({
      or: [
        { [field]: { [after]: cursor.value } },
        { and: [{ [field]: { equals: cursor.value } }, { id: { [after]: cursor.id } }] },
      ],
    })
  }
  const keyset = page === 1 || cursor !== undefined
  const result = await payload.find({
    collection: query.collection,
    depth: 0,
    draft: false,
    limit: keyset ? limit + 1 : limit,
    locale: query.locale as TypedLocale,
    overrideAccess: false,
    page: keyset ? 1 : page,
    pagination: !keyset,
    select: query.select,
    sort: direction === 'asc' ? [field, 'id'] : [`-${field}`, '-id'],
    where: { and: where },
  })
  const docs = (result.docs as unknown as Doc[]).slice(0, limit)
  const hasNextPage = keyset ? result.docs.length > limit : result.hasNextPage
  const last = docs.at(-1)
  const nextCursor =
    hasNextPage && last
      ? encodeCursor({ id: last.id, order: query.order, page: page + 1, value: valueOf(last) })
      : null
  return { docs, hasNextPage, nextCursor }
}
