import type { Payload } from 'payload'

/** How often the query planner's statistics are refreshed while the CMS runs. */
export const ANALYZE_INTERVAL_MS = 60 * 60 * 1000

interface SqliteSessions {
  beginTransaction(): Promise<number | string | null>
  commitTransaction(id: number | string): Promise<void>
  rollbackTransaction(id: number | string): Promise<void>
  sessions: Record<string, { db: { run(query: unknown): Promise<unknown> } }>
}

/**
 * Refreshes SQLite's query planner statistics (`ANALYZE`). Without them the planner guesses, and
 * at 100,000 news it reads a tag's news through the tag index and sorts thousands of rows (tens of
 * milliseconds) instead of walking the newest news and stopping after a page (under one). It runs
 * as a write transaction, so it waits in the write queue like every other write.
 */
export const analyzeSqlite = async (payload: Payload): Promise<void> => {
  const { sql } = await import('@payloadcms/db-sqlite')
  const db = payload.db as unknown as SqliteSessions
  const id = await db.beginTransaction()
  if (id === null) throw new Error('SQLite: no transaction for ANALYZE')
  try {
    await db.sessions[String(id)]!.db.run(sql`ANALYZE`)
    await db.commitTransaction(id)
  } catch (error) {
    await db.rollbackTransaction(id)
    throw error
  }
}

/**
 * Runs {@link analyzeSqlite} now and every {@link ANALYZE_INTERVAL_MS}, so statistics follow the
 * data as it grows. A failure is logged, never fatal; the timer does not keep the process alive and
 * stops with `payload.destroy()`.
 */
export const keepSqliteStatistics = async (payload: Payload): Promise<void> => {
  const run = () =>
    analyzeSqlite(payload).catch((error: unknown) =>
      payload.logger.warn({ err: error }, 'SQLite: refreshing planner statistics failed'),
    )
  await run()
  const timer = setInterval(run, ANALYZE_INTERVAL_MS).unref()
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    clearInterval(timer)
    return destroy()
  }
}
