import { POSTGRES_SEARCH_RETIRED, POSTGRES_SEARCH_SCHEMA } from '@etw/payload-plugin'
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The search index's `etw_search_recent_idx` (collection, locale, state, newest first): a search
// ranks a term's most recent matches only, and reads a common term's rows in that order. It takes
// the place of `etw_search_scope_idx`, which it covers.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of [...POSTGRES_SEARCH_SCHEMA, ...POSTGRES_SEARCH_RETIRED]) {
    await db.execute(sql.raw(statement))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS "etw_search_scope_idx" ON "etw_search" ("collection", "locale", "state");
    DROP INDEX IF EXISTS "etw_search_recent_idx";`)
}
