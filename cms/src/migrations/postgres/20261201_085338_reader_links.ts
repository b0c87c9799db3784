import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "events_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_events_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "news_locales" ADD COLUMN "source_title" varchar;
  ALTER TABLE "_news_v_locales" ADD COLUMN "version_source_title" varchar;
  ALTER TABLE "etw_settings" ADD COLUMN "logo_id" integer;
  ALTER TABLE "etw_settings" ADD COLUMN "link_template" varchar;
  ALTER TABLE "events_texts" ADD CONSTRAINT "events_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_texts" ADD CONSTRAINT "_events_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "events_texts_order_parent" ON "events_texts" USING btree ("order","parent_id");
  CREATE INDEX "events_texts_text_idx" ON "events_texts" USING btree ("text");
  CREATE INDEX "events_texts_parent_idx" ON "events_texts" USING btree ("parent_id");
  CREATE INDEX "_events_v_texts_order_parent" ON "_events_v_texts" USING btree ("order","parent_id");
  ALTER TABLE "etw_settings" ADD CONSTRAINT "etw_settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "etw_settings_logo_idx" ON "etw_settings" USING btree ("logo_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "events_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "events_texts" CASCADE;
  DROP TABLE "_events_v_texts" CASCADE;
  ALTER TABLE "etw_settings" DROP CONSTRAINT "etw_settings_logo_id_media_id_fk";
  
  DROP INDEX "etw_settings_logo_idx";
  ALTER TABLE "news_locales" DROP COLUMN "source_title";
  ALTER TABLE "_news_v_locales" DROP COLUMN "version_source_title";
  ALTER TABLE "etw_settings" DROP COLUMN "logo_id";
  ALTER TABLE "etw_settings" DROP COLUMN "link_template";`)
}
