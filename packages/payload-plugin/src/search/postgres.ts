import type { Payload } from 'payload'

import type { IndexedDoc, SearchStore } from './store'

import { drizzleOf, rebuildByAppending, rowsInOrder, SEARCH_CANDIDATES } from './store'

/**
 * The index's tables on PostgreSQL, created only where they are missing (the CMS's migration and a
 * host app's start run the same statements). `unaccent` and `btree_gin` are trusted extensions: the
 * database's owner may create them.
 */
export const POSTGRES_SEARCH_SCHEMA: readonly string[] = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  'CREATE EXTENSION IF NOT EXISTS btree_gin',
  `CREATE TABLE IF NOT EXISTS "etw_search" (
    "collection" varchar NOT NULL,
    "doc_id" varchar NOT NULL,
    "locale" varchar NOT NULL,
    "state" varchar NOT NULL,
    "sort_at" timestamp(3) with time zone,
    "vector" tsvector NOT NULL,
    PRIMARY KEY ("collection", "doc_id", "locale", "state")
  )`,
  // The collection, locale and state a search reads, as one value: one GIN posting list of the
  // scope's rows beside the words', not three of every row of the collection, locale and state
  // ("şəki məktəb" at 100,000 news: the GIN scan 9 → 4 ms). Adding it rewrites the table once.
  `ALTER TABLE "etw_search" ADD COLUMN IF NOT EXISTS "scope" text
    GENERATED ALWAYS AS ("collection" || '/' || "locale" || '/' || "state") STORED`,
  // The words with the scope they are searched in: one GIN scan finds the rows of one collection,
  // locale and state that hold every term, without a bitmap of the whole scope beside it.
  `CREATE INDEX IF NOT EXISTS "etw_search_scope_match_idx"
    ON "etw_search" USING gin ("vector", "scope")`,
  // A search's most recent matches: for a common term, read in this order until enough match.
  `CREATE INDEX IF NOT EXISTS "etw_search_scope_recent_idx"
    ON "etw_search" ("scope", "sort_at" DESC NULLS LAST)`,
  // Every word of the index (kept when its last row goes: a word that matches nothing does no
  // harm), so that a search turns a prefix into the words it starts (see `expand`).
  `CREATE TABLE IF NOT EXISTS "etw_search_words" ("word" text COLLATE "C" NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS "etw_search_words_idx" ON "etw_search_words" ("word")',
  // An index made before the words had their table: its words, once (nothing to do afterwards).
  `INSERT INTO "etw_search_words" ("word")
    SELECT DISTINCT unnest(tsvector_to_array("vector")) FROM "etw_search"
    WHERE NOT EXISTS (SELECT 1 FROM "etw_search_words")`,
]

/**
 * Indexes that {@link POSTGRES_SEARCH_SCHEMA} no longer has: `etw_search_scope_match_idx` and
 * `etw_search_scope_recent_idx` cover them.
 */
export const POSTGRES_SEARCH_RETIRED: readonly string[] = [
  'DROP INDEX IF EXISTS "etw_search_scope_idx"',
  'DROP INDEX IF EXISTS "etw_search_vector_idx"',
  'DROP INDEX IF EXISTS "etw_search_match_idx"',
  'DROP INDEX IF EXISTS "etw_search_recent_idx"',
]

/** Removes the index's tables on PostgreSQL (a migration's `down`; the extensions stay). */
export const POSTGRES_SEARCH_DROP: readonly string[] = [
  'DROP TABLE IF EXISTS "etw_search_words"',
  'DROP TABLE "etw_search"',
]

/**
 * Most words one prefix becomes in a search's candidates (`semin` → `seminar`, `seminars`): a
 * shorter, commoner prefix stays a prefix query, which the GIN index answers by collecting every
 * word it starts.
 */
const MAX_EXPANSION = 32

/** A word of the index as a tsquery lexeme (a word may hold a `-`, `.` or `/`, say). */
const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** Most recent rows of a scope a search looks at first, to tell a common query from a rarer one. */
const SAMPLE = 200

/** A query is common when it matches at least one in this many of the {@link SAMPLE}. */
const COMMON = 10

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
      // Their words that the words' table does not hold yet, in the same statement.
      await handle.execute(sql`WITH added AS (INSERT INTO etw_search
          (collection, doc_id, locale, state, sort_at, vector)
          VALUES ${sql.join(values, sql`, `)}
          RETURNING vector)
        INSERT INTO etw_search_words (word)
        SELECT DISTINCT w.word FROM added, unnest(tsvector_to_array(added.vector)) AS w(word)
        WHERE NOT EXISTS (SELECT 1 FROM etw_search_words s WHERE s.word = w.word)`)
    }
  }

  /**
   * The tsquery that finds a query's candidates: each prefix as the words it starts (exact words,
   * which GIN intersects by skipping through their lists: "şəki məktəb" at 100,000 news took
   * 36 ms as prefixes, 5 ms as words), or as a prefix where it starts more than
   * {@link MAX_EXPANSION}; `undefined` when a term starts no word at all (nothing matches).
   */
  const expand = async (handle: Db, terms: readonly string[][]) => {
    const prefixes = [...new Set(terms.flat())]
    const { rows } = await handle.execute(sql`SELECT p.prefix, w.word
      FROM (VALUES ${sql.join(
        prefixes.map((prefix) => sql`(${prefix}::text)`),
        sql`, `,
      )}) AS p(prefix)
      CROSS JOIN LATERAL (SELECT word FROM etw_search_words
        WHERE word >= p.prefix AND word < p.prefix || chr(1114111)
        ORDER BY word LIMIT ${MAX_EXPANSION + 1}) AS w`)
    const words = new Map<string, string[]>()
    for (const row of rows) {
      const prefix = String(row.prefix)
      words.set(prefix, [...(words.get(prefix) ?? []), String(row.word)])
    }
    const groups: string[] = []
    for (const spellings of terms) {
      const group = spellings.flatMap((term) => {
        const found = words.get(term) ?? []
        return found.length > MAX_EXPANSION ? [`'${term}':*`] : found.map(quoted)
      })
      if (group.length === 0) return undefined
      groups.push(`(${[...new Set(group)].join(' | ')})`)
    }
    return groups.join(' & ')
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
        WHERE c.oid = to_regclass('etw_search_scope_match_idx') AND pg_has_role(c.relowner, 'USAGE')`)
    },
    async search(query, req) {
      const handle = await db(req)
      // Terms are letters and digits only (folded), so they are quoted lexemes as they stand.
      const text = query.terms
        .map((spellings) => `(${spellings.map((term) => `'${term}':*`).join(' | ')})`)
        .join(' & ')
      // One term is fast as a prefix; several terms as prefixes cost GIN a bitmap of each (see
      // `expand`).
      const several = query.terms.length > 1
      const candidates = several ? await expand(handle, query.terms) : text
      if (candidates === undefined) return []
      const scope = `${query.collection}/${query.locale}/${query.state}`
      const match = sql`CAST(${candidates} AS tsquery)`
      /** The scope's `rows` most recent rows, read through etw_search_scope_recent_idx. */
      const newest = (rows: number) => sql`(SELECT doc_id, vector, sort_at FROM etw_search
        WHERE scope = ${scope} ORDER BY sort_at DESC NULLS LAST LIMIT ${rows})`
      const rank = (vector: typeof match) => sql`ts_rank(${vector}, CAST(${text} AS tsquery))`
      /** The best of `found` (candidates with their date and rank), with the candidates' count. */
      const best = async (found: typeof match) =>
        (
          await handle.execute(sql`SELECT c.doc_id AS id, count(*) OVER () AS found
            FROM (${found}) AS c ORDER BY c.rank DESC, c.sort_at DESC NULLS LAST
            LIMIT ${query.limit}`)
        ).rows
      // The candidates are the SEARCH_CANDIDATES most recent matches. A query found in many rows
      // is read newest first until that many match; a rarer one has all its matches collected
      // through etw_search_scope_match_idx, then sorted by date. Which of the two, the planner
      // cannot tell: words belong to a locale, so it takes a word for rarer in its locale than it
      // is ("baki" in az: 7,449 rows expected, 22,084 found, 40 ms collecting them instead of
      // 7 ms reading the newest). So the scope's SAMPLE most recent rows tell.
      const [sample] = (
        await handle.execute(sql`SELECT count(*) FILTER (WHERE r.vector @@ ${match}) AS hits
          FROM ${newest(SAMPLE)} AS r`)
      ).rows
      const hits = Number(sample?.hits ?? 0)
      if (hits * COMMON >= SAMPLE) {
        // Enough newest rows for twice the candidates at the sample's rate (20,000 at most).
        const rows = await best(sql`SELECT r.doc_id, r.sort_at, ${rank(sql`r.vector`)} AS rank
          FROM ${newest(Math.ceil((2 * SEARCH_CANDIDATES * SAMPLE) / hits))} AS r
          WHERE r.vector @@ ${match} ORDER BY r.sort_at DESC NULLS LAST
          LIMIT ${SEARCH_CANDIDATES}`)
        // Fewer: the newest rows hold the query more often than the older ones.
        if (Number(rows[0]?.found ?? 0) >= SEARCH_CANDIDATES) {
          return rows.map((row) => String(row.id))
        }
      }
      // Every match (a materialized set, which the planner cannot read in date order instead),
      // by its address and date only: the vectors are read again for the candidates alone
      // ("şəki məktəb" at 100,000 news: 3,529 matches, 17 ms with the vectors, 14 ms without).
      const rows = await best(sql`WITH m AS MATERIALIZED (SELECT ctid, sort_at FROM etw_search
          WHERE scope = ${scope} AND vector @@ ${match})
        SELECT e.doc_id, c.sort_at, ${rank(sql`e.vector`)} AS rank
        FROM (SELECT ctid, sort_at FROM m ORDER BY sort_at DESC NULLS LAST
          LIMIT ${SEARCH_CANDIDATES}) AS c
        JOIN etw_search e ON e.ctid = c.ctid`)
      return rows.map((row) => String(row.id))
    },
    async clear(collection, req) {
      await (await db(req)).execute(sql`DELETE FROM etw_search WHERE collection = ${collection}`)
    },
    async ensureSchema() {
      const handle = await db()
      for (const statement of [...POSTGRES_SEARCH_SCHEMA, ...POSTGRES_SEARCH_RETIRED]) {
        await handle.execute(sql.raw(statement))
      }
    },
    async isEmpty() {
      const { rows } = await (await db()).execute(sql`SELECT 1 AS one FROM etw_search LIMIT 1`)
      return rows.length === 0
    },
  }
  return store
}
