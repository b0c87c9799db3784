import { SQLITE_SEARCH_DROP, SQLITE_SEARCH_SCHEMA } from '@etw/payload-plugin'
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// The search index of news and events (`@etw/payload-plugin`'s `search/`): Payload's schema does
// not describe it, so it has no schema snapshot of its own, and the migration runs the plugin's
// own statements (each creates only what is missing, as a host app's start does). The CMS fills it
// from existing content when it starts with an empty index (`ensureSearchIndex`).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of SQLITE_SEARCH_SCHEMA) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of SQLITE_SEARCH_DROP) await db.run(sql.raw(statement))
}
