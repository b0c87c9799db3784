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
    for (const row of fresh) {
      // The rows were checked as the collection's hooks check a snapshot (keys computed, scope
      // fields cleared, duplicates looked up in one query); writing them through the adapter keeps
      // a large file within one fast transaction.
      await payload.db.create({
        collection: STATISTICS_SLUG,
        data: { ...row, createdAt: now, updatedAt: now },
        req,
        returning: false,
      })
      created += 1
      progress.set(String(id), created + skipped)
    }
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
    progress.delete(String(id))
    const message = error instanceof Error ? error.message : String(error)
    await setImport(payload, id, { created: 0, message, rows: null, skipped: 0, status: 'failed' })
    if (error instanceof RefusedDuplicates) return { created: 0, skipped: 0, status: 'failed' }
    throw error
  }
  progress.delete(String(id))
  await setImport(payload, id, { created, message: null, rows: null, skipped, status: 'succeeded' })
  return { created, skipped, status: 'succeeded' }
}
