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
  /**
   * A value that a list field of the documents (`tags`) must hold. It is looked for among the
   * newest documents first ({@link findPage}), and joined in by the database only when they hold
   * too few of it.
   */
  holds?: { field: string; value: string }
}

/**
 * How many documents per page asked for {@link findPage} reads, newest first, to find a value held
 * by many of them, before it asks the database for a join: a value on most documents fills the
 * page from the first window, one on 1 document in 8 from the second; a rarer one is joined in,
 * which is fast for a rare value.
 */
export const HOLDS_WINDOWS = [4, 32] as const

/**
 * Reads one page of published documents anonymously (`overrideAccess: false`, no drafts). The
 * first page and cursor pages fetch one more item than asked to know whether a next page exists
 * without counting; deep `page`s count instead, since not every database adapter can skip rows
 * without paginating. `valueOf` gives a document's sort value as an ISO instant, for the cursor
 * of the next page.
 *
 * With `holds`, a keyset page first reads the newest documents' list field alone, in windows of
 * {@link HOLDS_WINDOWS} times the page, and keeps those holding the value: a value most documents
 * hold is found there at once, where the database's join would match (and sort) every document
 * holding it, since SQL adapters drive that join from the index of the values. A rarer value,
 * and deep pages, are joined in by the database, which is fast for them.
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
  const sort = direction === 'asc' ? [field, 'id'] : [`-${field}`, '-id']
  const { holds } = query
  if (holds && keyset) {
    const found = await findHolding<Doc>(payload, query, where, sort)
    if (found) return pageOf(found, query, valueOf, found.length > limit)
  }
  if (holds) where.push({ [holds.field]: { equals: holds.value } })
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
    sort,
    where: { and: where },
  })
  const hasNextPage = keyset ? result.docs.length > limit : result.hasNextPage
  return pageOf(result.docs as unknown as Doc[], query, valueOf, hasNextPage)
}

const pageOf = <Doc extends { id: number | string }>(
  found: Doc[],
  { limit, order, page }: KeysetQuery,
  valueOf: (doc: Doc) => string,
  hasNextPage: boolean,
) => {
  const docs = found.slice(0, limit)
  const last = docs.at(-1)
  const nextCursor =
    hasNextPage && last
      ? encodeCursor({ id: last.id, order, page: page + 1, value: valueOf(last) })
      : null
  return { docs, hasNextPage, nextCursor }
}

/**
 * The first `limit + 1` documents holding `query.holds`, read from the newest documents'
 * list field in windows ({@link HOLDS_WINDOWS}); `undefined` when the windows hold fewer and more
 * documents are left (the caller then joins in the database).
 */
const findHolding = async <Doc extends { id: number | string }>(
  payload: Payload,
  query: KeysetQuery,
  where: Where[],
  sort: string[],
): Promise<Doc[] | undefined> => {
  const { field, value } = query.holds!
  const base = {
    collection: query.collection,
    depth: 0,
    draft: false,
    locale: query.locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    sort,
  } as const
  for (const window of HOLDS_WINDOWS) {
    const limit = window * (query.limit + 1)
    const { docs } = await payload.find({
      ...base,
      limit,
      select: { [field]: true, [query.field]: true },
      where: { and: where },
    })
    const holding = docs
      .filter((doc) => {
        const values = (doc as unknown as Record<string, unknown>)[field]
        return Array.isArray(values) && values.includes(value)
      })
      .slice(0, query.limit + 1)
    if (holding.length <= query.limit && docs.length === limit) continue
    if (holding.length === 0) return []
    const ids = holding.map((doc) => doc.id)
    const { docs: full } = await payload.find({
      ...base,
      limit: ids.length,
      select: query.select,
      where: { id: { in: ids } },
    })
    return full as unknown as Doc[]
  }
  return undefined
}
