import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The search index of news and events (`@etw/payload-plugin`'s `search/`): Payload's schema does
// not describe it, so it is written here by hand and has no schema snapshot of its own. The CMS
// fills it from existing content when it starts with an empty index (`ensureSearchIndex`). Texts are
// folded before they are stored, then made a `tsvector` with the `simple` configuration and
// `unaccent` (a trusted extension: the database's owner may create it).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE EXTENSION IF NOT EXISTS unaccent;
   CREATE TABLE IF NOT EXISTS "etw_search" (
  	"collection" varchar NOT NULL,
  	"doc_id" varchar NOT NULL,
  	"locale" varchar NOT NULL,
  	"state" varchar NOT NULL,
  	"sort_at" timestamp(3) with time zone,
  	"vector" tsvector NOT NULL,
  	PRIMARY KEY ("collection", "doc_id", "locale", "state")
  );
  CREATE INDEX IF NOT EXISTS "etw_search_vector_idx" ON "etw_search" USING gin ("vector");
  CREATE INDEX IF NOT EXISTS "etw_search_scope_idx" ON "etw_search" ("collection", "locale", "state");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE "etw_search";`)
}
