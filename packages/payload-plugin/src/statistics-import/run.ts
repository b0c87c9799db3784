import type { CollectionSlug, Payload, PayloadRequest, TypedUser } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { DuplicateMode, ImportStatus } from './collection'
import type { ImportedSnapshot } from './validate'

import { recordAudit } from '../collections/AuditLog/hooks/auditTrail'
import { getFeed } from '../feed/feed'
import { STATISTICS_IMPORTS_SLUG, STATISTICS_SLUG } from '../slugs'
import { translate } from '../utilities/translate'
import { existingIdentities } from './lookups'
import { snapshotIdentity } from './validate'

/** An import as the `statistics-imports` collection stores it. */
export interface ImportDoc {
  id: number | string
  status: ImportStatus
  fileName?: string | null
  duplicates: DuplicateMode
  total: number
  created?: number | null
  skipped?: number | null
  message?: string | null
  rows?: ImportedSnapshot[] | null
  user?: number | string | { id: number | string } | null
}

/**
 * Rows recorded so far by the imports running in this process. The count lives in memory because
 * the rows are written in one transaction that nothing outside it can see before it commits.
 */
const progress = new Map<string, number>()

/** How many rows of import `id` this process has recorded so far, if it is running one. */
export const importProgress = (id: number | string): number | undefined => progress.get(String(id))

const userOf = async (payload: Payload, user: ImportDoc['user']) => {
  const id = typeof user === 'object' && user !== null ? user.id : user
  if (id === undefined || id === null) return null
  const collection = payload.config.admin.user as CollectionSlug
  const doc = await payload
    .findByID({ collection, depth: 0, disableErrors: true, id, overrideAccess: true })
    .catch(() => null)
  return doc ? ({ ...doc, collection } as unknown as TypedUser) : null
}

const setImport = (payload: Payload, id: number | string, data: Partial<ImportDoc>) =>
  payload.update({
    collection: STATISTICS_IMPORTS_SLUG,
    data: data as never,
    depth: 0,
    id,
    overrideAccess: true,
  })

/** What the SQL adapters (`@payloadcms/drizzle`) offer for a multi-row insert. */
interface SqlAdapter {
  insert?: (args: { db: unknown; tableName: string; values: Record<string, unknown>[] }) => unknown
  sessions?: Record<number | string, { db?: unknown } | undefined>
  tables?: Record<string, unknown>
}

/** Rows per multi-row INSERT: 16 columns each stays far below SQLite's and PostgreSQL's bounds. */
const BATCH = 500

/** A snapshot as a row of the SQL adapters' `statistics` table (its Drizzle column keys). */
const sqlRow = (row: ImportedSnapshot, now: string): Record<string, unknown> => ({
  approximate: row.approximate,
  asOf: row.asOf,
  country: row.country,
  createdAt: now,
  customKey: row.customKey,
  key: row.key,
  metric: row.metric,
  organization: row.organization,
  region: row.region,
  scope: row.scope,
  scopeKey: row.scopeKey,
  source_title: row.source.title,
  source_url: row.source.url,
  updatedAt: now,
  value: row.value,
})

/**
 * Writes the checked snapshots in the transaction of `req`. The rows were checked as the
 * collection's hooks check a snapshot (keys computed, scope fields cleared, duplicates looked up in
 * one query), so they go to the adapter directly: on the SQL adapters as multi-row INSERTs of
 * {@link BATCH} rows, elsewhere one `db.create` each. Calls `onProgress` with the rows written.
 */
const insertSnapshots = async (
  payload: Payload,
  req: PayloadRequest,
  rows: readonly ImportedSnapshot[],
  now: string,
  onProgress: (written: number) => void,
): Promise<number> => {
  const adapter = payload.db as unknown as SqlAdapter
  const transaction = await req.transactionID
  const session = transaction === undefined ? undefined : adapter.sessions?.[transaction]?.db
  let written = 0
  if (typeof adapter.insert === 'function' && adapter.tables?.[STATISTICS_SLUG] && session) {
    for (let start = 0; start < rows.length; start += BATCH) {
      const values = rows.slice(start, start + BATCH).map((row) => sqlRow(row, now))
      await adapter.insert.call(payload.db, { db: session, tableName: STATISTICS_SLUG, values })
      written += values.length
      onProgress(written)
    }
    return written
  }
  for (const row of rows) {
    await payload.db.create({
      collection: STATISTICS_SLUG,
      data: { ...row, createdAt: now, updatedAt: now },
      req,
      returning: false,
    })
    written += 1
    onProgress(written)
  }
  return written
}

/** Thrown inside the transaction when a duplicate is found and the editor chose to refuse them. */
class RefusedDuplicates extends Error {}

/**
 * Carries out a queued import: every row in one transaction, all or none. The existing snapshots
 * are looked up again inside it (another editor may have recorded one since the preview); a
 * duplicate is skipped or, when the import refuses duplicates, rolls everything back. Records the
 * outcome on the import and, in the same transaction, an `import` entry in the audit trail; clears
 * the feed cache once for the whole file. Returns the finished import.
 */
export const runImport = async (
  payload: Payload,
  id: number | string,
): Promise<Pick<ImportDoc, 'created' | 'skipped' | 'status'>> => {
  const doc = (await payload.findByID({
    collection: STATISTICS_IMPORTS_SLUG,
    depth: 0,
    id,
    overrideAccess: true,
  })) as unknown as ImportDoc
  if (doc.status !== 'queued') return doc
  const rows = doc.rows ?? []
  await setImport(payload, id, { status: 'running' })
  progress.set(String(id), 0)

  const user = await userOf(payload, doc.user)
  const req: PayloadRequest = await createLocalReq({ user: user ?? undefined }, payload)
  let created = 0
  let skipped = 0
  try {
    await initTransaction(req)
    const existing = await existingIdentities(payload, rows, req)
    const fresh = rows.filter((row) => !existing.has(snapshotIdentity(row)))
    skipped = rows.length - fresh.length
    if (skipped > 0 && doc.duplicates === 'refuse') {
      throw new RefusedDuplicates(translate(req.t, 'importRefusedDuplicates'))
    }
    const now = new Date().toISOString()
    created = await insertSnapshots(payload, req, fresh, now, (written) =>
      progress.set(String(id), written + skipped),
    )
    await recordAudit(req, {
      action: 'import',
      collection: STATISTICS_SLUG,
      documentId: id,
      summary: translate(req.t, 'importAuditSummary', {
        created,
        file: doc.fileName || 'CSV',
        skipped,
      }),
    })
    // Inside the transaction, as the collection's own hooks do: a NOTIFY to other instances is
    // delivered when it commits.
    await getFeed(payload).changed({ collection: STATISTICS_SLUG, req })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    let message: string
    if (error instanceof RefusedDuplicates) message = error.message
    else {
      payload.logger.error({ err: error }, `statistics import ${id} failed`)
      message = translate(req.t, 'importWriteFailed')
    }
    await setImport(payload, id, { created: 0, message, rows: null, skipped: 0, status: 'failed' })
    progress.delete(String(id))
    // Outside the rolled-back transaction, so the attempt stays on record.
    const failureReq = await createLocalReq({ user: user ?? undefined }, payload)
    await recordAudit(failureReq, {
      action: 'import',
      collection: STATISTICS_SLUG,
      documentId: id,
      summary: translate(failureReq.t, 'importAuditFailed', {
        file: doc.fileName || 'CSV',
        message,
      }),
    })
    return { created: 0, skipped: 0, status: 'failed' }
  }
  await setImport(payload, id, { created, message: null, rows: null, skipped, status: 'succeeded' })
  // Kept until the stored status says `succeeded`, so a poll in between never reads 0 again.
  progress.delete(String(id))
  return { created, skipped, status: 'succeeded' }
}
