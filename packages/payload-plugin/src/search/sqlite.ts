import type { Payload, PayloadRequest } from 'payload'

import type { IndexedDoc, SearchStore } from './store'

import { drizzleOf, rowsInOrder, SEARCH_CANDIDATES, WEIGHTS } from './store'

/** FTS5's default memory for pending terms, and that of a rebuild's one large insert. */
const FTS5_HASH_SIZE = 1024 * 1024
const BULK_HASH_SIZE = 64 * 1024 * 1024

/**
 * Lengths of FTS5's prefix indexes. A search matches every term as the start of a word: a prefix
 * of one of these lengths reads one list of its own, lazily and newest first; any other length
 * makes FTS5 gather the rows of every word with that prefix, in every locale and state, before it
 * reads one (49 ms for `etwin` at 100,000 news, 10–20 ms for most prefixes of 4 to 8 characters,
 * 150–300 ms for one letter). Up to 8, which covers the prefixes of `etwinning`, typed in full.
 */
export const SQLITE_SEARCH_PREFIXES = '1 2 3 4 5 6 7 8'

/** The FTS5 table `name` with the index's tokenizer and the prefix indexes `prefixes`. */
const wordsTable = (
  name: string,
  prefixes: string,
) => `CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING fts5(
    scope, title, summary, body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '${prefixes}'
  )`

/**
 * The index's tables on SQLite, each created only where it is missing (the CMS's migration and a
 * host app's start run the same statements).
 */
export const SQLITE_SEARCH_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS etw_search_docs (
    id integer PRIMARY KEY NOT NULL,
    collection text NOT NULL,
    doc_id text NOT NULL,
    locale text NOT NULL,
    state text NOT NULL,
    sort_at text
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS etw_search_docs_doc_idx ON etw_search_docs (collection, doc_id, locale, state)',
  wordsTable('etw_search', SQLITE_SEARCH_PREFIXES),
]

/**
 * Statements that recreate the FTS5 table `etw_search` with the prefix indexes `prefixes` (FTS5
 * cannot change them in place), its rows copied with their rowids: searches find what they found
 * before, in the same recency order. Run in one transaction (a migration's).
 */
export const sqliteSearchPrefixes = (prefixes: string): string[] => [
  'DROP TABLE IF EXISTS etw_search_next',
  wordsTable('etw_search_next', prefixes),
  `INSERT INTO etw_search_next (etw_search_next, rank) VALUES ('hashsize', ${BULK_HASH_SIZE})`,
  `INSERT INTO etw_search_next (rowid, scope, title, summary, body)
    SELECT rowid, scope, title, summary, body FROM etw_search ORDER BY rowid`,
  `INSERT INTO etw_search_next (etw_search_next, rank) VALUES ('hashsize', ${FTS5_HASH_SIZE})`,
  'DROP TABLE etw_search',
  'ALTER TABLE etw_search_next RENAME TO etw_search',
]

/** Removes the index's tables on SQLite (a migration's `down`). */
export const SQLITE_SEARCH_DROP: readonly string[] = [
  'DROP TABLE etw_search',
  'DROP TABLE etw_search_docs',
]

/** The columns of words, in the order of `etw_search`. */
const COLUMNS = ['title', 'summary', 'body'] as const

/** Index rows per statement (each binds 5 values; SQLite allows 32,766). */
const CHUNK = 500

/** Where a rebuild gathers the words of its rows: a table of its own connection, dropped after. */
const STAGING = 'temp.etw_search_load'

/** A rebuild's old and new rowids. */
const ORDER = 'temp.etw_search_order'

/** A row's key among the rows of one document: its locale and state. */
const rowKey = (row: { locale?: unknown; state?: unknown }) => `${row.locale}\u0000${row.state}`

interface Db {
  all(query: unknown): Promise<Record<string, unknown>[]>
  run(query: unknown): Promise<unknown>
}

/**
 * The index on SQLite: `etw_search_docs` names the rows (collection, document, locale, state) and
 * the FTS5 table `etw_search` (same rowid) holds their words, tokenized by `unicode61` with
 * diacritics removed. `scope` holds one token naming collection, locale and state, so a search
 * reads only the rows it may find. Within a scope, rowids follow recency (a rebuild numbers the
 * rows oldest first, a new document takes the next rowid, an edit keeps its own), so a search
 * ranks a term's {@link SEARCH_CANDIDATES} most recent matches without reading the others.
 */
export const sqliteStore = async (payload: Payload): Promise<SearchStore> => {
  const { sql } = await import('@payloadcms/db-sqlite')
  const db = (req?: Parameters<SearchStore['clear']>[1]) => drizzleOf<Db>(payload, req)

  /** Removes the rows of one document; gives their rowids by locale and state ({@link rowKey}). */
  const remove = async (handle: Db, collection: string, id: string) => {
    const removed = await handle.all(sql`DELETE FROM etw_search_docs
      WHERE collection = ${collection} AND doc_id = ${id}
      RETURNING id, locale, state`)
    if (removed.length > 0) {
      await handle.run(
        sql`DELETE FROM etw_search WHERE rowid IN (${sql.join(
          removed.map((row) => sql`${row.id}`),
          sql`, `,
        )})`,
      )
    }
    return new Map(removed.map((row) => [rowKey(row), row.id]))
  }

  /**
   * Inserts the rows of `docs`, a few hundred per statement: their names into `etw_search_docs`,
   * their words into `words` (the FTS5 table, or the staging table of a rebuild). A row whose
   * locale and state are in `rowids` takes that rowid back (an edit keeps its place in recency
   * order); the others take the next ones.
   */
  const insert = async (
    handle: Db,
    collection: string,
    docs: readonly IndexedDoc[],
    words: 'etw_search' | typeof STAGING = 'etw_search',
    rowids: ReadonlyMap<string, unknown> = new Map(),
  ) => {
    const kept = ({ row }: { row: IndexedDoc['rows'][number] }) => (rowids.has(rowKey(row)) ? 0 : 1)
    // Rows that take their rowid back go first: a row without one takes the highest rowid + 1 at
    // the moment it is written, which could be one of those.
    const all = rowsInOrder(docs).sort((a, b) => kept(a) - kept(b))
    for (let start = 0; start < all.length; start += CHUNK) {
      const chunk = all.slice(start, start + CHUNK)
      const inserted = await handle.all(sql`INSERT INTO etw_search_docs
        (id, collection, doc_id, locale, state, sort_at)
        VALUES ${sql.join(
          chunk.map(
            ({ id, row }) =>
              sql`(${rowids.get(rowKey(row)) ?? null}, ${collection}, ${id},
                ${row.locale}, ${row.state}, ${row.sortAt})`,
          ),
          sql`, `,
        )}
        RETURNING id, doc_id, locale, state`)
      const inserts = new Map(inserted.map((row) => [`${row.doc_id}\u0000${rowKey(row)}`, row.id]))
      await handle.run(sql`INSERT INTO ${sql.raw(words)} (rowid, scope, title, summary, body)
        VALUES ${sql.join(
          chunk.map(
            ({ id, row }) =>
              sql`(${inserts.get(`${id}\u0000${rowKey(row)}`)},
                ${scopeToken(collection, row.locale, row.state)},
                ${row.title}, ${row.summary}, ${row.body})`,
          ),
          sql`, `,
        )}`)
    }
  }

  const clear = async (handle: Db, collection: string) => {
    await handle.run(sql`DELETE FROM etw_search WHERE rowid IN
      (SELECT id FROM etw_search_docs WHERE collection = ${collection})`)
    await handle.run(sql`DELETE FROM etw_search_docs WHERE collection = ${collection}`)
  }

  return {
    async replace(collection, id, rows, req) {
      const handle = await db(req)
      const rowids = await remove(handle, collection, id)
      await insert(handle, collection, [{ id, rows }], 'etw_search', rowids)
    },
    async append(collection, docs, req) {
      await insert(await db(req), collection, docs)
    },
    // The words wait in a plain table of the transaction's connection and enter FTS5 in one
    // INSERT … SELECT in rowid order, with room for 64 MB of pending terms (FTS5 flushes a segment
    // to merge later at each megabyte by default): FTS5 writes fastest so.
    async rebuild(collection, batches, req) {
      const handle = await db(req)
      await clear(handle, collection)
      await handle.run(sql.raw(`DROP TABLE IF EXISTS ${STAGING}`))
      await handle.run(
        sql.raw(`CREATE TEMP TABLE ${STAGING.slice('temp.'.length)}
          (rowid integer PRIMARY KEY, scope text, title text, summary text, body text)`),
      )
      for await (const docs of batches) await insert(handle, collection, docs, STAGING)
      // Batches come in id order; the rows get new rowids in the stored order (locale, state, then
      // the oldest first), above every rowid in use, so that a search can take a term's most
      // recent matches straight off FTS5's rowid order. Later saves take the next rowids.
      await handle.run(sql.raw(`DROP TABLE IF EXISTS ${ORDER}`))
      await handle.run(
        sql.raw(`CREATE TEMP TABLE ${ORDER.slice('temp.'.length)}
          (old integer PRIMARY KEY, new integer NOT NULL)`),
      )
      await handle.run(sql`INSERT INTO ${sql.raw(ORDER)} (old, new)
        SELECT id, (SELECT max(id) FROM etw_search_docs)
          + row_number() OVER (ORDER BY locale, state, sort_at, id)
        FROM etw_search_docs WHERE collection = ${collection}`)
      await handle.run(sql`UPDATE etw_search_docs
        SET id = (SELECT new FROM ${sql.raw(ORDER)} WHERE old = etw_search_docs.id)
        WHERE collection = ${collection}`)
      await handle.run(
        sql.raw(
          `UPDATE ${STAGING} SET rowid = (SELECT new FROM ${ORDER} WHERE old = ${STAGING}.rowid)`,
        ),
      )
      await handle.run(sql.raw(`DROP TABLE ${ORDER}`))
      await handle.run(
        sql.raw(`INSERT INTO etw_search (etw_search, rank) VALUES ('hashsize', ${BULK_HASH_SIZE})`),
      )
      await handle.run(
        sql.raw(`INSERT INTO etw_search (rowid, scope, title, summary, body)
        SELECT rowid, scope, title, summary, body FROM ${STAGING} ORDER BY rowid`),
      )
      await handle.run(
        sql.raw(`INSERT INTO etw_search (etw_search, rank) VALUES ('hashsize', ${FTS5_HASH_SIZE})`),
      )
      await handle.run(sql.raw(`DROP TABLE ${STAGING}`))
    },
    async search(query, req) {
      const handle = await db(req)
      const scope = `scope:${scopeToken(query.collection, query.locale, query.state)}`
      const term = (spellings: readonly string[], prefix: boolean) =>
        `(${spellings.map((spelling) => `"${spelling}"${prefix ? '*' : ''}`).join(' OR ')})`
      const matchOf = (prefix: boolean) =>
        `${scope} AND {title summary body}: (${query.terms
          .map((spellings) => term(spellings, prefix))
          .join(' AND ')})`
      // FTS5 answers a prefix query from one list of every row holding any word with that prefix,
      // which it builds whole before reading it (600,000 rows for a word in every title of 100,000
      // news: 90 ms); whole words it reads lazily, newest first. So when the words as they stand
      // already have SEARCH_CANDIDATES recent matches, those are the candidates.
      const exact = matchOf(false)
      const [{ found } = { found: 0 }] = await handle.all(sql`SELECT count(*) AS found
        FROM (SELECT rowid FROM etw_search WHERE etw_search MATCH ${exact}
          ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES})`)
      const prefix = Number(found) < SEARCH_CANDIDATES
      // Relevance: for each term, the weights of the columns it is found in. Each (term, column)
      // is one more FTS5 query over the candidates' rowids only, a millisecond or less. FTS5's
      // bm25 counts every row of the whole table holding each term for its rarity first: 18 ms of
      // 20 for `etwinning` in every title of 100,000 news, which then weighs nothing.
      const foundIn = (spellings: readonly string[]) =>
        sql.join(
          COLUMNS.map(
            (column) => sql`${WEIGHTS[column]} * (c.rid IN (SELECT rowid FROM etw_search
              WHERE etw_search MATCH ${`${scope} AND ${column}: ${term(spellings, prefix)}`}
                AND rowid BETWEEN (SELECT lo FROM r) AND (SELECT hi FROM r)))`,
          ),
          sql` + `,
        )
      // The most recent matches, newest rowid first, which FTS5 reads in index order and stops
      // after SEARCH_CANDIDATES; then ranked.
      const rows = await handle.all(sql`WITH
        c AS MATERIALIZED (SELECT rowid AS rid FROM etw_search
          WHERE etw_search MATCH ${matchOf(prefix)}
          ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}),
        r AS MATERIALIZED (SELECT min(rid) AS lo, max(rid) AS hi FROM c)
        SELECT d.doc_id AS id FROM c JOIN etw_search_docs d ON d.id = c.rid
        ORDER BY (${sql.join(query.terms.map(foundIn), sql` + `)}) DESC, d.sort_at DESC
        LIMIT ${query.limit}`)
      return rows.map((row) => String(row.id))
    },
    async clear(collection, req) {
      await clear(await db(req), collection)
    },
    async ensureSchema() {
      const handle = await db()
      for (const statement of SQLITE_SEARCH_SCHEMA) await handle.run(sql.raw(statement))
      // A host app's index made with other prefix indexes (the CMS's migrations recreate its own).
      const [table] = await handle.all(
        sql`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'etw_search'`,
      )
      if (String(table?.sql).includes(`prefix = '${SQLITE_SEARCH_PREFIXES}'`)) return
      payload.logger.info(`search: recreating etw_search with prefix = '${SQLITE_SEARCH_PREFIXES}'`)
      const transactionID = (await payload.db.beginTransaction()) ?? undefined
      const req = { payload, transactionID } as PayloadRequest
      try {
        const tx = await db(req)
        for (const statement of sqliteSearchPrefixes(SQLITE_SEARCH_PREFIXES)) {
          await tx.run(sql.raw(statement))
        }
        if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
      } catch (error) {
        if (transactionID !== undefined) await payload.db.rollbackTransaction(transactionID)
        throw error
      }
    },
    async isEmpty() {
      const rows = await (await db()).all(sql`SELECT 1 AS one FROM etw_search_docs LIMIT 1`)
      return rows.length === 0
    },
  }
}

/** The one token of `scope`: letters and digits only, so the tokenizer keeps it whole. */
export const scopeToken = (collection: string, locale: string, state: string): string =>
  `${collection}x${locale}x${state}`.toLowerCase().replace(/[^a-z0-9]/g, '')
