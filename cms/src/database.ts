import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { DatabaseAdapterObj } from 'payload'

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export interface DatabaseTarget {
  kind: DatabaseKind
  /** Connection URL as given to the adapter (`file:` URL for SQLite). */
  url: string
}

/** `cms/data`, where the embedded database and uploads live by default. */
export const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data')

/** The SQLite file used when `DATABASE_URL` is not set. */
export const defaultSqliteFile = path.join(dataDir, 'etwinning.db')

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError'
}

/**
 * Picks the database from `DATABASE_URL` by its scheme.
 *
 * - none or `file:` → SQLite (relative `file:` paths resolve against the working directory)
 * - `postgres://` / `postgresql://` → PostgreSQL
 * - `mongodb://` / `mongodb+srv://` → MongoDB
 *
 * @throws DatabaseConfigError for any other scheme.
 */
export const resolveDatabaseTarget = (databaseUrl: string | undefined): DatabaseTarget => {
  const url = databaseUrl?.trim()
  if (!url) return { kind: 'sqlite', url: pathToFileURL(defaultSqliteFile).href }
  if (url.startsWith('file:')) {
    const filePath = url.slice('file:'.length).replace(/^\/\//, '')
    if (filePath === '' || filePath === ':memory:') return { kind: 'sqlite', url }
    return { kind: 'sqlite', url: pathToFileURL(path.resolve(filePath)).href }
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url }
  if (/^mongodb(\+srv)?:\/\//.test(url)) return { kind: 'mongodb', url }
  const scheme = url.split(':')[0] ?? ''
  throw new DatabaseConfigError(
    `DATABASE_URL has an unsupported scheme "${scheme}:". Use file: (SQLite), postgres:// or mongodb://.`,
  )
}

/**
 * Whether a MongoDB URL can run transactions: `mongodb+srv://` clusters are replica sets, and a
 * plain `mongodb://` URL must name one with `replicaSet=` (or list several hosts).
 */
export const mongoUrlHasReplicaSet = (url: string): boolean => {
  if (url.startsWith('mongodb+srv://')) return true
  const query = url.split('?')[1] ?? ''
  if (new URLSearchParams(query).get('replicaSet')) return true
  const hosts = url.replace(/^mongodb:\/\//, '').split('/')[0] ?? ''
  return hosts.replace(/^[^@]*@/, '').split(',').length > 1
}

type IndexBuilder = (name: string) => { on: (column: unknown) => unknown }

/** The part of the SQL adapters' `afterSchemaInit` arguments used here. */
interface SchemaHookArgs<S> {
  extendTable: (args: {
    extraConfig: (table: Record<string, unknown>) => object
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Drizzle table of either dialect
    table: any
  }) => void
  schema: S
}

/**
 * Schema hook of the SQL adapters: indexes the parent id of every `_locales` and `_texts` table of
 * documents. Payload indexes those tables on (`_locale`, `_parent_id`) and (`order`, `parent_id`)
 * only, so reading one document's translations or tags scans the whole table unless the planner
 * happens to have statistics; with the index it is a lookup, which keeps the public feed's
 * queries in milliseconds at 100,000 news.
 */
const indexParentIds =
  (index: IndexBuilder) =>
  <S extends { tables: Record<string, object> }>({ extendTable, schema }: SchemaHookArgs<S>): S => {
    for (const [name, table] of Object.entries(schema.tables)) {
      if (name.startsWith('_')) continue // version history: not read by the feed
      const column = name.endsWith('_locales')
        ? '_parentID'
        : name.endsWith('_texts')
          ? 'parent'
          : undefined
      if (!column || !(column in table)) continue
      const indexName = `${name}_parent_idx`
      extendTable({
        extraConfig: (t) => ({ [indexName]: index(indexName).on(t[column]) }),
        table,
      })
    }
    return schema
  }

interface AdapterEnv {
  NODE_ENV?: string
  ETW_ALLOW_MONGODB_WITHOUT_REPLICA_SET?: string
}

/**
 * Creates the adapter for `target`, importing only that adapter's package. SQL databases get their
 * schema from the committed migrations (`src/migrations/<kind>`), never from a schema push.
 */
export const createDatabaseAdapter = async (
  target: DatabaseTarget,
  env: AdapterEnv = process.env,
): Promise<DatabaseAdapterObj> => {
  const migrationDir = (kind: string) =>
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations', kind)

  switch (target.kind) {
    case 'sqlite': {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const { index } = await import('@payloadcms/db-sqlite/drizzle/sqlite-core')
      const { migrations } = await import('./migrations/sqlite')
      const { withQueuedTransactions } = await import('./sqlite-write-queue')
      const adapter = sqliteAdapter({
        afterSchemaInit: [indexParentIds(index as unknown as IndexBuilder)],
        client: { url: target.url },
        busyTimeout: 5_000,
        wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
        transactionOptions: {},
        push: false,
        migrationDir: migrationDir('sqlite'),
        prodMigrations: migrations,
      })
      // One writer at a time: concurrent saves wait for each other instead of failing.
      return withQueuedTransactions(adapter)
    }
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      const { index } = await import('@payloadcms/db-postgres/drizzle/pg-core')
      const { migrations } = await import('./migrations/postgres')
      return postgresAdapter({
        afterSchemaInit: [indexParentIds(index as unknown as IndexBuilder)],
        pool: { connectionString: target.url, max: 10 },
        push: false,
        migrationDir: migrationDir('postgres'),
        prodMigrations: migrations,
      })
    }
    case 'mongodb': {
      const hasReplicaSet = mongoUrlHasReplicaSet(target.url)
      const allowed = env.ETW_ALLOW_MONGODB_WITHOUT_REPLICA_SET === 'true'
      if (!hasReplicaSet && env.NODE_ENV === 'production' && !allowed) {
        throw new DatabaseConfigError(
          'DATABASE_URL points at MongoDB without a replica set, so transactions would be off and a ' +
            'failed save could be half-written. Use a replica set (add ?replicaSet=<name>) or set ' +
            'ETW_ALLOW_MONGODB_WITHOUT_REPLICA_SET=true to accept that risk.',
        )
      }
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({
        url: target.url,
        transactionOptions: hasReplicaSet ? {} : false,
        migrationDir: migrationDir('mongodb'),
      })
    }
  }
}
