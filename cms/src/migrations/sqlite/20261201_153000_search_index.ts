import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// The search index of news and events (`@etw/payload-plugin`'s `search/`): Payload's schema does
// not describe it, so it is written here by hand and has no schema snapshot of its own. The CMS
// fills it from existing content when it starts with an empty index (`ensureSearchIndex`). Texts are
// folded before they are stored; `unicode61` with `remove_diacritics 2` tokenizes them the same way.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`etw_search_docs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`collection\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`state\` text NOT NULL,
  	\`sort_at\` text
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX IF NOT EXISTS \`etw_search_docs_doc_idx\` ON \`etw_search_docs\` (\`collection\`,\`doc_id\`,\`locale\`,\`state\`);`,
  )
  await db.run(sql`CREATE VIRTUAL TABLE IF NOT EXISTS \`etw_search\` USING fts5(
  	scope, title, summary, body,
  	tokenize = "unicode61 remove_diacritics 2",
  	prefix = '2 3'
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`etw_search\`;`)
  await db.run(sql`DROP TABLE \`etw_search_docs\`;`)
}
