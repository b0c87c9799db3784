import { sqliteSearchPrefixes } from '@etw/payload-plugin'
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// The search index's FTS5 table with prefix indexes of 1 to 8 characters (it had 2 and 3): FTS5
// gathered the rows of every word with a longer prefix before reading one, 20–50 ms for a common
// one at 100,000 news. FTS5 cannot change them in place, so the table is made anew and its rows
// copied with their rowids (a search finds the same rows, in the same recency order, at once).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of sqliteSearchPrefixes('1 2 3 4 5 6 7 8')) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of sqliteSearchPrefixes('2 3')) await db.run(sql.raw(statement))
}
