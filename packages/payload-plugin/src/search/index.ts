import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
  SelectType,
  Where,
} from 'payload'

import type { SearchRow, SearchState } from './store'

import { EVENTS_SLUG, NEWS_SLUG } from '../slugs'
import { indexText, queryTerms } from './fold'
import { SEARCH_ADAPTERS, searchStore } from './store'
import { richTextPlain } from './text'

/** What the index reads of each searchable collection: the body field and the date of recency. */
export const SEARCHABLE = {
  [EVENTS_SLUG]: { body: 'description', sortAt: 'startsAt' },
  [NEWS_SLUG]: { body: 'body', sortAt: 'publishedAt' },
} as const

/** A collection the index covers. */
export type SearchableCollection = keyof typeof SEARCHABLE

/** Most ids one search returns: deeper pages of a search are not read. */
export const MAX_SEARCH_HITS = 1000

/** Fields whose `like` conditions (the admin's list search among them) the index answers. */
export const INDEXED_LIKE_FIELDS: readonly string[] = ['title', 'summary']

export const isSearchable = (slug: string): slug is SearchableCollection => slug in SEARCHABLE

type Localized = Record<string, unknown> | null | undefined

const localesOf = (payload: Payload) => {
  const { localization } = payload.config
  return localization
    ? { fallback: localization.defaultLocale, locales: localization.localeCodes }
    : { fallback: undefined, locales: [undefined] }
}

/** The value of a field read with `locale: 'all'` in `locale`, the default locale's when empty. */
const inLocale = (value: unknown, locale: string | undefined, fallback: string | undefined) => {
  if (locale === undefined) return value
  const all = value as Localized
  const own = all?.[locale]
  return own || (fallback === undefined ? own : all?.[fallback])
}

/** The index rows of a document read with `locale: 'all'`, one per content locale. */
export const rowsOf = (
  payload: Payload,
  collection: SearchableCollection,
  doc: Record<string, unknown>,
  state: SearchState,
): SearchRow[] => {
  const { fallback, locales } = localesOf(payload)
  const fields = SEARCHABLE[collection]
  const sortAt = doc[fields.sortAt]
  return locales.map((locale) => {
    const text = (name: string) => inLocale(doc[name], locale, fallback)
    return {
      body: indexText(richTextPlain(text(fields.body))),
      locale: locale ?? '',
      sortAt: typeof sortAt === 'string' ? new Date(sortAt).toISOString() : null,
      state,
      summary: indexText(String(text('summary') ?? '')),
      title: indexText(String(text('title') ?? '')),
    }
  })
}

/** The fields the index reads of `collection`'s documents. */
const selectFor = (collection: SearchableCollection): SelectType => {
  const fields = SEARCHABLE[collection]
  return { _status: true, [fields.body]: true, [fields.sortAt]: true, summary: true, title: true }
}

const readForIndex = (
  payload: Payload,
  collection: SearchableCollection,
  id: number | string,
  draft: boolean,
  req?: PayloadRequest,
) =>
  payload
    .findByID({
      collection,
      depth: 0,
      disableErrors: true,
      draft,
      id,
      locale: 'all',
      overrideAccess: true,
      req,
      select: selectFor(collection),
    })
    .then((doc) => doc as Record<string, unknown> | null)

/**
 * The rows of one document: its published copy (the stored document, when published) and its
 * latest version (the newest draft, else the stored document), in every locale.
 */
const rowsFor = (
  payload: Payload,
  collection: SearchableCollection,
  main: Record<string, unknown> | null | undefined,
  latest: Record<string, unknown> | null | undefined,
): SearchRow[] => {
  const published =
    main?._status === 'published' ? rowsOf(payload, collection, main, 'published') : []
  const newest = latest ?? main
  if (!newest) return published
  // Without a draft on top, the latest version is the published copy: its rows are the same.
  const same = newest === main || JSON.stringify(newest) === JSON.stringify(main)
  const latestRows =
    same && published.length
      ? published.map((row) => ({ ...row, state: 'latest' as const }))
      : rowsOf(payload, collection, newest, 'latest')
  return [...published, ...latestRows]
}

/**
 * Brings the index rows of one document up to date, in `req`'s transaction: the published copy
 * and the latest version, in every locale.
 */
export const indexDocument = async (
  payload: Payload,
  collection: SearchableCollection,
  id: number | string,
  req?: PayloadRequest,
): Promise<void> => {
  const [main, latest] = await Promise.all([
    readForIndex(payload, collection, id, false, req),
    readForIndex(payload, collection, id, true, req),
  ])
  const rows = rowsFor(payload, collection, main, latest)
  await (await searchStore(payload)).replace(collection, String(id), rows, req)
}

/** Keeps the index current after every save (publish, draft, autosave, scheduled publish). */
export const indexAfterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (isSearchable(collection.slug)) {
    await indexDocument(req.payload, collection.slug, (doc as { id: number | string }).id, req)
  }
  return doc
}

/** Drops a deleted document from the index. */
export const unindexAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await (await searchStore(req.payload)).replace(collection.slug, String(id), [], req)
}

/** How {@link searchIds} reads the index. */
export interface SearchOptions {
  collection: SearchableCollection
  locale: string
  query: string
  /** `published` unless the caller may read drafts. */
  state: SearchState
  limit?: number
  req?: PayloadRequest
}

/**
 * The ids of the documents that match `query` in `locale`, most relevant first (title, then
 * summary, then body), then the most recent. `[]` when the query has no words.
 */
export const searchIds = async (
  payload: Payload,
  options: SearchOptions,
): Promise<(number | string)[]> => {
  const terms = queryTerms(options.query)
  if (terms.length === 0) return []
  const numeric = payload.db.defaultIDType === 'number'
  const ids = await (
    await searchStore(payload)
  ).search(
    {
      collection: options.collection,
      limit: Math.min(options.limit ?? MAX_SEARCH_HITS, MAX_SEARCH_HITS),
      locale: options.locale,
      state: options.state,
      terms,
    },
    options.req,
  )
  return numeric ? ids.map(Number) : ids
}

/** Slug of the job task that rebuilds the search index (`./task`). */
export const REINDEX_SEARCH_TASK = 'reindexSearch'

/** What a full reindex did. */
export interface ReindexResult {
  documents: number
  milliseconds: number
}

/** What {@link reindexSearch} rebuilds, and in which transaction. */
export interface ReindexOptions {
  /** @default ['news', 'events'] */
  collections?: readonly SearchableCollection[]
  /** Documents read at a time. @default 1000 */
  batchSize?: number
  /** Runs in this request's transaction (a migration's); else one transaction per collection. */
  req?: PayloadRequest
}

/**
 * Rebuilds the index of `collections` from the documents as stored: in the migration that creates
 * the index, after a restore or an import that bypassed Payload's hooks, or on demand
 * (`pnpm --filter @etw/cms search:reindex`). Each collection is rebuilt in one transaction, so
 * searches see the old index until the new one is complete.
 */
export const reindexSearch = async (
  payload: Payload,
  { batchSize = 1000, collections = [NEWS_SLUG, EVENTS_SLUG], req: given }: ReindexOptions = {},
): Promise<ReindexResult> => {
  const started = performance.now()
  const store = await searchStore(payload)
  let documents = 0
  for (const collection of collections) {
    const transactionID = given ? undefined : ((await payload.db.beginTransaction?.()) ?? undefined)
    const req = given ?? ({ payload, transactionID } as PayloadRequest)
    try {
      const base = {
        collection,
        depth: 0,
        locale: 'all',
        overrideAccess: true,
        req,
        select: selectFor(collection),
      } as const
      // Keyset pages (ids after the last one read): a deep offset would cost more each batch.
      const batches = async function* () {
        for (let last: number | string | undefined; ;) {
          const main = await payload.find({
            ...base,
            draft: false,
            limit: batchSize,
            pagination: false,
            sort: 'id',
            where: last === undefined ? {} : { id: { greater_than: last } },
          })
          if (main.docs.length === 0) return
          const latest = await payload.find({
            ...base,
            draft: true,
            limit: batchSize,
            pagination: false,
            where: { id: { in: main.docs.map((doc) => doc.id) } },
          })
          const latestById = new Map(latest.docs.map((doc) => [String(doc.id), doc]))
          documents += main.docs.length
          yield main.docs.map((doc) => ({
            id: String(doc.id),
            rows: rowsFor(
              payload,
              collection,
              doc as unknown as Record<string, unknown>,
              latestById.get(String(doc.id)) as unknown as Record<string, unknown> | undefined,
            ),
          }))
          if (main.docs.length < batchSize) return
          last = main.docs.at(-1)!.id
        }
      }
      await store.rebuild(collection, batches(), req)
      if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID !== undefined) await payload.db.rollbackTransaction(transactionID)
      throw error
    }
  }
  return { documents, milliseconds: performance.now() - started }
}

/**
 * Queues a full reindex (the `reindexSearch` job task) when the index is empty and news or events are
 * stored (the first start after the migration that created it, or after the index was emptied),
 * unless one is already waiting: the job runner fills the index, so a start with many documents is
 * not held up; saves index their documents meanwhile. An index with rows is left as it is. Gives
 * the id of the job queued.
 */
export const ensureSearchIndex = async (payload: Payload): Promise<number | string | undefined> => {
  // Another database adapter (a host's own) has no index to fill.
  if (!SEARCH_ADAPTERS.includes(payload.db?.name)) return undefined
  const store = await searchStore(payload)
  await store.ensureSchema()
  if (!(await store.isEmpty())) return undefined
  const counts = await Promise.all(
    ([NEWS_SLUG, EVENTS_SLUG] as const).map((collection) =>
      payload.count({ collection, overrideAccess: true }),
    ),
  )
  if (counts.every(({ totalDocs }) => totalDocs === 0)) return undefined
  const waiting = await payload.count({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: {
      and: [
        { taskSlug: { equals: REINDEX_SEARCH_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
  })
  if (waiting.totalDocs > 0) return undefined
  const job = await payload.jobs.queue({ input: {}, task: REINDEX_SEARCH_TASK } as never)
  payload.logger.info('search: the index is empty; a full reindex is queued')
  return (job as { id: number | string }).id
}

/**
 * `where` with each `like` condition on an indexed field (`title`, `summary`) answered by the
 * index: `{ title: { like: 'баку' } }` becomes `{ id: { in: <matching ids> } }`. SQL `LIKE` folds
 * only ASCII case and compares whole strings; the index folds every script and transliterates.
 */
export const rewriteLikeConditions = async (
  where: Where,
  search: (query: string) => Promise<(number | string)[]>,
  none: number | string = -1,
): Promise<Where> => {
  const hits = new Map<string, Promise<(number | string)[]>>()
  const visit = async (node: Where): Promise<Where> => {
    const result: Where = {}
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'and' || key === 'or') && Array.isArray(value)) {
        result[key] = await Promise.all(value.map((child: Where) => visit(child)))
        continue
      }
      const like = (value as { like?: unknown } | undefined)?.like
      if (INDEXED_LIKE_FIELDS.includes(key) && typeof like === 'string' && like.trim() !== '') {
        let found = hits.get(like)
        if (!found) {
          found = search(like)
          hits.set(like, found)
        }
        const ids = await found
        // No hit: a condition no document meets.
        result.and = [...((result.and as Where[]) ?? []), { id: { in: ids.length ? ids : [none] } }]
        continue
      }
      result[key] = value as Where[string]
    }
    return result
  }
  return visit(where)
}

/**
 * Lists and counts of a searchable collection read `like` on `title`/`summary` through the index
 * (the admin's list search, REST `where[title][like]`, GraphQL): in the request's locale, the
 * latest versions for a signed-in reader of drafts, the published copies for everyone else.
 */
export const searchBeforeOperation: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const where = (args as { where?: Where }).where
  if ((operation !== 'read' && operation !== 'count') || !where || !isSearchable(collection.slug)) {
    return args
  }
  const draft = (args as { draft?: boolean }).draft === true && Boolean(req.user)
  const { localization } = req.payload.config
  const defaultLocale = localization ? localization.defaultLocale : ''
  const locale = (args as { locale?: string }).locale ?? req.locale ?? defaultLocale
  const slug = collection.slug
  const rewritten = await rewriteLikeConditions(
    where,
    (query) =>
      searchIds(req.payload, {
        collection: slug,
        locale: locale === 'all' ? defaultLocale : locale,
        query,
        req,
        state: draft ? 'latest' : 'published',
      }),
    req.payload.db.defaultIDType === 'number' ? -1 : '000000000000000000000000',
  )
  return { ...args, where: rewritten }
}

/** `collection` with the index kept current and its `like` searches answered by it. */
export const withSearchIndex = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), indexAfterChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), unindexAfterDelete],
    beforeOperation: [...(collection.hooks?.beforeOperation ?? []), searchBeforeOperation],
  },
})
