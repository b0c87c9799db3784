import { POSTGRES_SEARCH_RETIRED, POSTGRES_SEARCH_SCHEMA } from '@etw/payload-plugin'
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The search index's `etw_search_words` (every word of the index, filled from the rows already
// there) and `etw_search_match_idx` (a GIN index of the words with the collection, locale and
// state, through `btree_gin`): a search turns each prefix into the words it starts and finds the
// rows of its scope that hold them in one GIN scan. It takes the place of `etw_search_vector_idx`.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of [...POSTGRES_SEARCH_SCHEMA, ...POSTGRES_SEARCH_RETIRED]) {
    await db.execute(sql.raw(statement))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS "etw_search_vector_idx" ON "etw_search" USING gin ("vector");
    DROP INDEX IF EXISTS "etw_search_match_idx";
    DROP TABLE IF EXISTS "etw_search_words";`)
}
