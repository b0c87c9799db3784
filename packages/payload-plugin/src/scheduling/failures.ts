import type { CollectionSlug, Payload, Where } from 'payload'

import { hasRole } from '../access/roles'

/** A scheduled publication whose job failed, as the admin shows it. */
export interface ScheduleFailure {
  /** Collection and id of the document. */
  collection: string
  id: number | string
  /** When the job gave up. */
  failedAt: string
  /** The error the job ended with. */
  message: string
  /** `publish` or `unpublish`. */
  type: string
}

interface JobRow {
  completedAt?: null | string
  error?: unknown
  hasError?: boolean | null
  input?: { doc?: { relationTo?: string; value?: number | string }; type?: string }
  log?: { error?: unknown; state?: string }[] | null
  updatedAt?: string
}

const messageOf = (job: JobRow): string => {
  const fromError = (error: unknown): string | undefined => {
    if (typeof error === 'string') return error
    if (error && typeof error === 'object' && 'message' in error) {
      const { message } = error as { message?: unknown }
      return typeof message === 'string' ? message : undefined
    }
    return undefined
  }
  const logged = [...(job.log ?? [])].reverse().find((entry) => entry.state === 'failed')
  return fromError(job.error) ?? fromError(logged?.error) ?? 'unknown error'
}

/**
 * Whether a failure of `job` still stands: nothing published the document since (a publish), or it
 * is still published (an unpublish). Payload deletes jobs that complete, so a later success is
 * read from the document's versions.
 */
const stillStanding = async (payload: Payload, failure: ScheduleFailure): Promise<boolean> => {
  const collection = failure.collection as CollectionSlug
  if (!payload.collections[collection]) return false
  if (failure.type === 'unpublish') {
    const doc = (await payload
      .findByID({ collection, depth: 0, disableErrors: true, id: failure.id, overrideAccess: true })
      .catch(() => null)) as { _status?: unknown } | null
    return doc?._status === 'published'
  }
  const { totalDocs } = await payload.countVersions({
    collection,
    overrideAccess: true,
    where: {
      and: [
        { parent: { equals: failure.id } },
        { 'version._status': { equals: 'published' } },
        { updatedAt: { greater_than: failure.failedAt } },
      ],
    },
  })
  return totalDocs === 0
}

/**
 * Failed scheduled publications still standing: for each document, its latest failed
 * `schedulePublish` job, unless the document was published (or, for an unpublish, taken offline)
 * since. Editors and admins see them; anyone else gets none. `doc` narrows the list to one
 * document.
 */
export const findScheduleFailures = async (
  payload: Payload,
  user: unknown,
  doc?: { collection: string; id: number | string },
): Promise<ScheduleFailure[]> => {
  if (!hasRole(user, 'admin', 'editor')) return []
  const conditions: Where[] = [
    { taskSlug: { equals: 'schedulePublish' } },
    { hasError: { equals: true } },
  ]
  if (doc) {
    conditions.push(
      { 'input.doc.relationTo': { equals: doc.collection } },
      { 'input.doc.value': { equals: String(doc.id) } },
    )
  }
  const { docs } = (await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    sort: '-updatedAt',
    where: { and: conditions },
  })) as unknown as { docs: JobRow[] }
  const latest = new Map<string, ScheduleFailure>()
  for (const job of docs) {
    const target = job.input?.doc
    if (!target?.relationTo || target.value === undefined) continue
    const key = `${target.relationTo}:${target.value}`
    if (latest.has(key)) continue
    latest.set(key, {
      collection: target.relationTo,
      failedAt: job.updatedAt ?? new Date(0).toISOString(),
      id: target.value,
      message: messageOf(job),
      type: job.input?.type ?? 'publish',
    })
  }
  const failures = [...latest.values()]
  const standing = await Promise.all(failures.map((failure) => stillStanding(payload, failure)))
  return failures.filter((_, index) => standing[index])
}
