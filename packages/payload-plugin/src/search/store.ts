import type { Payload, PayloadRequest } from 'payload'

/**
 * Which copy of a document a row of the index holds: `published`, what anonymous readers may find,
 * or `latest`, the newest version (a draft on top of a published document included), what editors
 * find in the admin.
 */
export type SearchState = 'latest' | 'published'

/** One row of the index: a document's texts in one locale, folded ({@link indexText}). */
export interface SearchRow {
  locale: string
  state: SearchState
  /** When the document stands (a news item's publication, an event's start): the tie-breaker. */
  sortAt: string | null
  title: string
  summary: string
  body: string
}

/** The rows of one document (none: it leaves the index). */
export interface IndexedDoc {
  id: string
  rows: readonly SearchRow[]
}

/** A search the index answers: ranked ids of `collection`'s documents. */
export interface SearchQuery {
  collection: string
  locale: string
  state: SearchState
  /** Each term by its spellings ({@link queryTerms}); every term must match the start of a word. */
  terms: readonly string[][]
  limit: number
}

/**
 * The index in one database. Writes run in the transaction of `req` when it has one, so a saved
 * document and its index rows commit or roll back together.
 */
export interface SearchStore {
  /** Replaces the rows of one document (none: the document leaves the index). */
  replace(
    collection: string,
    id: string,
    rows: readonly SearchRow[],
    req?: PayloadRequest,
  ): Promise<void>
  /** Adds the rows of documents that have none (a reindex, after {@link SearchStore.clear}). */
  append(collection: string, docs: readonly IndexedDoc[], req?: PayloadRequest): Promise<void>
  /**
   * Replaces the whole index of `collection` with the documents of `batches` (a full reindex), in
   * `req`'s transaction: the batches are read as they are written, so a large collection is never
   * held in memory at once.
   */
  rebuild(
    collection: string,
    batches: AsyncIterable<readonly IndexedDoc[]>,
    req?: PayloadRequest,
  ): Promise<void>
  /** Ids of the best matches, most relevant first, then the latest `sortAt`. */
  search(query: SearchQuery, req?: PayloadRequest): Promise<string[]>
  /** Empties the index of `collection`. */
  clear(collection: string, req?: PayloadRequest): Promise<void>
  /** Whether the index has no row at all. */
  isEmpty(): Promise<boolean>
  /**
   * Creates the index's tables where they are missing: the CMS's migrations create them, a host
   * app's own migrations know nothing of them (Payload's schema does not describe them).
   */
  ensureSchema(): Promise<void>
}

/** {@link SearchStore.rebuild} as {@link SearchStore.clear} then {@link SearchStore.append} of each batch. */
export const rebuildByAppending = async (
  store: Pick<SearchStore, 'append' | 'clear'>,
  collection: string,
  batches: AsyncIterable<readonly IndexedDoc[]>,
  req?: PayloadRequest,
): Promise<void> => {
  await store.clear(collection, req)
  for await (const docs of batches) await store.append(collection, docs, req)
}

/**
 * Most matches one search ranks. A term found in more rows than this (a word in nearly every
 * title) is ranked among its most recent matches only: ranking all of them cost 250–670 ms at
 * 100,000 news, and a search reads no deeper than its first 1,000 hits anyway.
 */
export const SEARCH_CANDIDATES = 1000

const compare = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0

/**
 * The rows of `docs`, each with its document's id, in the order the index stores them: by locale
 * and state (a search reads one of each, so its rows stand together), then the oldest first, so
 * that within one locale and state a later row is a more recent document.
 */
export const rowsInOrder = (docs: readonly IndexedDoc[]): { id: string; row: SearchRow }[] =>
  docs
    .flatMap(({ id, rows }) => rows.map((row) => ({ id, row })))
    .sort(
      (a, b) =>
        compare(a.row.locale, b.row.locale) ||
        compare(a.row.state, b.row.state) ||
        compare(a.row.sortAt, b.row.sortAt),
    )

/** Title, summary and body weigh 10, 4 and 1 in relevance. */
export const WEIGHTS = { body: 1, summary: 4, title: 10 } as const

interface DrizzleSessions<Db> {
  drizzle: Db
  sessions?: Record<string, { db: Db }>
}

/** The drizzle handle of `req`'s transaction, else the adapter's own. */
export const drizzleOf = async <Db>(payload: Payload, req?: PayloadRequest): Promise<Db> => {
  const adapter = payload.db as unknown as DrizzleSessions<Db>
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
}

/** Database adapters (`payload.db.name`) the index has a store for. */
export const SEARCH_ADAPTERS: readonly string[] = ['mongoose', 'postgres', 'sqlite']

const stores = new WeakMap<Payload, Promise<SearchStore>>()

/** The index of `payload`'s database: FTS5 on SQLite, `tsvector` on PostgreSQL, a text index on MongoDB. */
export const searchStore = (payload: Payload): Promise<SearchStore> => {
  let store = stores.get(payload)
  if (!store) {
    store = (async (): Promise<SearchStore> => {
      switch (payload.db.name) {
        case 'sqlite':
          return (await import('./sqlite')).sqliteStore(payload)
        case 'postgres':
          return (await import('./postgres')).postgresStore(payload)
        case 'mongoose':
          return (await import('./mongodb')).mongoStore(payload)
        default:
          throw new Error(`search: the "${payload.db.name}" database adapter has no search index`)
      }
    })()
    stores.set(payload, store)
  }
  return store
}
