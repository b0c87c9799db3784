import type { Highlight } from '@etw/client'
import type { Payload, SelectType, TypedLocale, Where } from 'payload'

import type { SearchableCollection } from '../search'

import { highlight } from '../search/highlight'
import { searchIds, SEARCHABLE } from '../search'
import { richTextPlain } from '../search/text'
import { invalidParameter } from './errors'

/** One page of a search among a feed list's published documents. */
export interface SearchPageQuery {
  collection: SearchableCollection
  q: string
  locale: string
  /** The list's filters. */
  where: Where[]
  page: number
  limit: number
  select: SelectType
}

/** Refuses `cursor` with `q`: a search pages by `page`. */
export const refuseCursorWithSearch = (q: string | undefined, cursor: unknown): void => {
  if (q !== undefined && cursor !== undefined) {
    throw invalidParameter('cursor', 'Give "q" with "page", not "cursor": a search pages by page.')
  }
}

/**
 * One page of the published documents of a list that match `q`, most relevant first then most
 * recent (the index's order): the index gives the ranked ids of published documents, the list's
 * filters are applied to those ids anonymously, and the page's documents are read with `select`
 * and the body. `hasNextPage` counts only the first 1000 matches (`MAX_SEARCH_HITS`).
 */
export const findSearchPage = async <Doc extends { id: number | string }>(
  payload: Payload,
  query: SearchPageQuery,
): Promise<{ docs: (Doc & { searchBody: string })[]; hasNextPage: boolean }> => {
  const { collection, limit, locale, page } = query
  const hits = await searchIds(payload, { collection, locale, query: query.q, state: 'published' })
  if (hits.length === 0) return { docs: [], hasNextPage: false }
  const base = {
    collection,
    depth: 0,
    draft: false,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
  } as const
  // The list's filters, applied to the ranked ids a chunk at a time until the page and one more
  // item are found: the first page of a common word reads a few dozen ids, not every match.
  const wanted = page * limit + 1
  const ranked: (number | string)[] = []
  let start = 0
  let size = Math.max(50, wanted * 2)
  while (start < hits.length && ranked.length < wanted) {
    const chunk = hits.slice(start, start + size)
    start += chunk.length
    size *= 4
    const kept = await payload.find({
      ...base,
      limit: chunk.length,
      select: { updatedAt: true },
      where: { and: [...query.where, { id: { in: chunk } }] },
    })
    const keptIds = new Set(kept.docs.map((doc) => String(doc.id)))
    ranked.push(...chunk.filter((id) => keptIds.has(String(id))))
  }
  const pageIds = ranked.slice((page - 1) * limit, page * limit)
  if (pageIds.length === 0) return { docs: [], hasNextPage: false }
  const body = SEARCHABLE[collection].body
  const { docs } = await payload.find({
    ...base,
    limit: pageIds.length,
    select: { ...query.select, [body]: true } as SelectType,
    where: { id: { in: pageIds } },
  })
  const byId = new Map(
    docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]),
  )
  return {
    docs: pageIds.flatMap((id) => {
      const doc = byId.get(String(id))
      if (!doc) return []
      const { [body]: value, ...rest } = doc
      return [{ ...(rest as unknown as Doc), searchBody: richTextPlain(value) }]
    }),
    hasNextPage: ranked.length >= wanted,
  }
}

/** The highlights of a found item: its title, summary and (failing those) its body. */
export const highlightsOf = (
  q: string,
  doc: { searchBody: string; summary?: string | null; title?: string | null },
): Highlight[] =>
  highlight(q, [
    ['title', doc.title],
    ['summary', doc.summary],
    ['body', doc.searchBody],
  ])
