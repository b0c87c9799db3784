import type { Payload, PayloadRequest } from 'payload'

import type { SearchStore } from './store'

import { rebuildByAppending, SEARCH_CANDIDATES, WEIGHTS } from './store'

/** The part of a MongoDB cursor (the driver's) that the index uses. */
interface Cursor {
  limit(count: number): { toArray(): Promise<Record<string, unknown>[]> }
}

/** The part of a MongoDB collection (the driver's) that the index uses. */
interface Collection {
  createIndex(keys: Record<string, -1 | 1>, options?: { name: string }): Promise<unknown>
  deleteMany(filter: object, options?: object): Promise<unknown>
  insertMany(docs: object[], options?: object): Promise<unknown>
  find(filter: object, options?: object): Cursor & { sort(keys: Record<string, -1 | 1>): Cursor }
}

interface MongoAdapter {
  connection: { collection(name: string): Collection }
  sessions?: Record<string, unknown>
}

const words = (text: string): string[] => (text ? text.split(' ') : [])

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The index on MongoDB: the collection `etw_search`, one document per document, locale and state,
 * with the folded words of each field and a compound multikey index on (collection, locale, state,
 * words). A `$text` index matches whole words only, so terms are matched as anchored prefixes of
 * `words` (which that index serves), and the {@link SEARCH_CANDIDATES} most recent matches ranked
 * as the SQL indexes rank them: title, summary and body weighted 10, 4 and 1 for each term, then
 * the latest `sortAt`.
 */
export const mongoStore = async (payload: Payload): Promise<SearchStore> => {
  const adapter = payload.db as unknown as MongoAdapter
  const collection = adapter.connection.collection('etw_search')
  await collection.createIndex(
    { collection: 1, locale: 1, state: 1, words: 1 },
    { name: 'etw_search_words' },
  )
  await collection.createIndex({ collection: 1, docId: 1 }, { name: 'etw_search_doc' })
  // A common term's most recent matches, read in this order until enough match.
  await collection.createIndex(
    { collection: 1, locale: 1, state: 1, sortAt: -1 },
    { name: 'etw_search_recent' },
  )
  const session = async (req?: PayloadRequest) => {
    const id = req?.transactionID ? await req.transactionID : undefined
    return id === undefined ? {} : { session: adapter.sessions?.[String(id)] }
  }

  const store: SearchStore = {
    async replace(name, id, rows, req) {
      await collection.deleteMany({ collection: name, docId: id }, await session(req))
      await store.append(name, [{ id, rows }], req)
    },
    async append(name, docs, req) {
      const options = await session(req)
      const all = docs.flatMap(({ id, rows }) => rows.map((row) => ({ id, row })))
      if (all.length === 0) return
      await collection.insertMany(
        all.map(({ id, row }) => ({
          body: words(row.body),
          collection: name,
          docId: id,
          locale: row.locale,
          sortAt: row.sortAt,
          state: row.state,
          summary: words(row.summary),
          title: words(row.title),
          words: [...new Set([...words(row.title), ...words(row.summary), ...words(row.body)])],
        })),
        options,
      )
    },
    async rebuild(name, batches, req) {
      await rebuildByAppending(store, name, batches, req)
    },
    async search(query, req) {
      const filter = {
        $and: query.terms.map((spellings) => ({
          $or: spellings.map((term) => ({ words: { $regex: `^${escape(term)}` } })),
        })),
        collection: query.collection,
        locale: query.locale,
        state: query.state,
      }
      const found = await collection
        .find(filter, { ...(await session(req)), projection: { words: 0 } })
        // The most recent matches, as on SQL (ISO dates sort as strings; null, undated, last):
        // a sort with a limit keeps only that many documents in memory, whichever index MongoDB
        // reads them through.
        .sort({ sortAt: -1 })
        .limit(SEARCH_CANDIDATES)
        .toArray()
      const score = (doc: Record<string, unknown>) =>
        query.terms.reduce((total, spellings) => {
          const count = (field: unknown) =>
            (field as string[]).filter((word) => spellings.some((term) => word.startsWith(term)))
              .length
          return (
            total +
            WEIGHTS.title * count(doc.title) +
            WEIGHTS.summary * count(doc.summary) +
            WEIGHTS.body * count(doc.body)
          )
        }, 0)
      return found
        .map((doc) => ({ at: String(doc.sortAt ?? ''), id: String(doc.docId), score: score(doc) }))
        .sort((a, b) => b.score - a.score || b.at.localeCompare(a.at))
        .slice(0, query.limit)
        .map((doc) => doc.id)
    },
    async clear(name, req) {
      await collection.deleteMany({ collection: name }, await session(req))
    },
    // The indexes are created above, when the store is made.
    async ensureSchema() {},
    async isEmpty() {
      return (
        (
          await collection
            .find({}, { projection: { _id: 1 } })
            .limit(1)
            .toArray()
        ).length === 0
      )
    },
  }
  return store
}
