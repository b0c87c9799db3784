import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_statistics_imports_status" AS ENUM('queued', 'running', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_statistics_imports_duplicates" AS ENUM('skip', 'refuse');
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'import';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'importStatistics';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'importStatistics';
  CREATE TABLE "statistics_imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"status" "enum_statistics_imports_status" NOT NULL,
  	"file_name" varchar,
  	"duplicates" "enum_statistics_imports_duplicates" NOT NULL,
  	"total" numeric NOT NULL,
  	"created" numeric,
  	"skipped" numeric,
  	"message" varchar,
  	"rows" jsonb,
  	"user_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "statistics_imports_id" integer;
  ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "statistics_imports_user_idx" ON "statistics_imports" USING btree ("user_id");
  CREATE INDEX "statistics_imports_updated_at_idx" ON "statistics_imports" USING btree ("updated_at");
  CREATE INDEX "statistics_imports_created_at_idx" ON "statistics_imports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_statistics_imports_fk" FOREIGN KEY ("statistics_imports_id") REFERENCES "public"."statistics_imports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_statistics_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("statistics_imports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "statistics_imports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "statistics_imports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_statistics_imports_fk";
  
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('publish', 'unpublish', 'delete', 'login');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish', 'etwDeliverWebhook');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish', 'etwDeliverWebhook');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_statistics_imports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "statistics_imports_id";
  DROP TYPE "public"."enum_statistics_imports_status";
  DROP TYPE "public"."enum_statistics_imports_duplicates";`)
}
