import type { Payload } from 'payload'

import type { IndexedDoc, SearchStore } from './store'

import { drizzleOf, rebuildByAppending, rowsInOrder, SEARCH_CANDIDATES } from './store'

/**
 * The index's table on PostgreSQL, created only where it is missing (the CMS's migration and a
 * host app's start run the same statements). `unaccent` is a trusted extension: the database's
 * owner may create it.
 */
export const POSTGRES_SEARCH_SCHEMA: readonly string[] = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  `CREATE TABLE IF NOT EXISTS "etw_search" (
    "collection" varchar NOT NULL,
    "doc_id" varchar NOT NULL,
    "locale" varchar NOT NULL,
    "state" varchar NOT NULL,
    "sort_at" timestamp(3) with time zone,
    "vector" tsvector NOT NULL,
    PRIMARY KEY ("collection", "doc_id", "locale", "state")
  )`,
  'CREATE INDEX IF NOT EXISTS "etw_search_vector_idx" ON "etw_search" USING gin ("vector")',
  // A search's most recent matches: for a common term, read in this order until enough match.
  `CREATE INDEX IF NOT EXISTS "etw_search_recent_idx"
    ON "etw_search" ("collection", "locale", "state", "sort_at" DESC NULLS LAST)`,
]

/** Indexes that {@link POSTGRES_SEARCH_SCHEMA} no longer has: `etw_search_recent_idx` covers it. */
export const POSTGRES_SEARCH_RETIRED: readonly string[] = [
  'DROP INDEX IF EXISTS "etw_search_scope_idx"',
]

/** Removes the index's table on PostgreSQL (a migration's `down`; `unaccent` stays). */
export const POSTGRES_SEARCH_DROP: readonly string[] = ['DROP TABLE "etw_search"']

/** Index rows per statement (each binds 8 values; PostgreSQL allows 65,535). */
const CHUNK = 500

interface Db {
  execute(query: unknown): Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * The index on PostgreSQL: one row per document, locale and state in `etw_search`, its words in a
 * `tsvector` made with the `simple` configuration and `unaccent` (title weighted A, summary B,
 * body D), searched through a GIN index with prefix queries and ranked by `ts_rank` (a term's
 * {@link SEARCH_CANDIDATES} most recent matches at most).
 */
export const postgresStore = async (payload: Payload): Promise<SearchStore> => {
  const { sql } = await import('@payloadcms/db-postgres')
  const db = (req?: Parameters<SearchStore['clear']>[1]) => drizzleOf<Db>(payload, req)

  /** Inserts the rows of `docs`, a few hundred per statement. */
  const insert = async (handle: Db, collection: string, docs: readonly IndexedDoc[]) => {
    // Grouped by locale and state: a search reads one of each, and rows of the same kind stored
    // together fill fewer pages (100,000 news interleaved: 23,918 matches on 23,906 pages).
    const all = rowsInOrder(docs)
    for (let start = 0; start < all.length; start += CHUNK) {
      const values = all.slice(start, start + CHUNK).map(
        ({ id, row }) =>
          sql`(${collection}, ${id}, ${row.locale}, ${row.state}, ${row.sortAt}::timestamptz,
            setweight(to_tsvector('simple', unaccent(${row.title})), 'A') ||
            setweight(to_tsvector('simple', unaccent(${row.summary})), 'B') ||
            setweight(to_tsvector('simple', unaccent(${row.body})), 'D'))`,
      )
      await handle.execute(sql`INSERT INTO etw_search
        (collection, doc_id, locale, state, sort_at, vector)
        VALUES ${sql.join(values, sql`, `)}`)
    }
  }

  const store: SearchStore = {
    async replace(collection, id, rows, req) {
      const handle = await db(req)
      await handle.execute(
        sql`DELETE FROM etw_search WHERE collection = ${collection} AND doc_id = ${id}`,
      )
      await insert(handle, collection, [{ id, rows }])
    },
    async append(collection, docs, req) {
      await insert(await db(req), collection, docs)
    },
    async rebuild(collection, batches, req) {
      await rebuildByAppending(store, collection, batches, req)
      // The new rows wait in the GIN index's pending list (up to gin_pending_list_limit, 4 MB),
      // which every search reads through until autovacuum moves them: moved into the index now,
      // where the database user owns it (10,000 news: 466 pages in 89 ms; "вчителі" 7.9 → 6.2 ms).
      await (
        await db(req)
      ).execute(sql`SELECT gin_clean_pending_list(c.oid) FROM pg_class c
        WHERE c.oid = to_regclass('etw_search_vector_idx') AND pg_has_role(c.relowner, 'USAGE')`)
    },
    async search(query, req) {
      const handle = await db(req)
      // Terms are letters and digits only (folded), so they are quoted lexemes as they stand.
      const text = query.terms
        .map((spellings) => `(${spellings.map((term) => `'${term}':*`).join(' | ')})`)
        .join(' & ')
      // The most recent SEARCH_CANDIDATES matches, then ranked: the planner reads a common term
      // through etw_search_recent_idx until enough rows match, a rare one through the GIN index.
      const { rows } = await handle.execute(sql`SELECT c.doc_id AS id
        FROM (SELECT doc_id, vector, sort_at FROM etw_search
          WHERE collection = ${query.collection} AND locale = ${query.locale}
            AND state = ${query.state} AND vector @@ CAST(${text} AS tsquery)
          ORDER BY sort_at DESC NULLS LAST
          LIMIT ${SEARCH_CANDIDATES}) AS c, CAST(${text} AS tsquery) AS q
        ORDER BY ts_rank(c.vector, q) DESC, c.sort_at DESC NULLS LAST
        LIMIT ${query.limit}`)
      return rows.map((row) => String(row.id))
    },
    async clear(collection, req) {
      await (await db(req)).execute(sql`DELETE FROM etw_search WHERE collection = ${collection}`)
    },
    async ensureSchema() {
      const handle = await db()
      for (const statement of POSTGRES_SEARCH_SCHEMA) await handle.execute(sql.raw(statement))
    },
    async isEmpty() {
      const { rows } = await (await db()).execute(sql`SELECT 1 AS one FROM etw_search LIMIT 1`)
      return rows.length === 0
    },
  }
  return store
}
