import type { Payload, Where } from 'payload'

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
 * Failed scheduled publications still standing: for each document, its latest finished
 * `schedulePublish` job when that job failed. Editors and admins see them; anyone else gets none.
 * `doc` narrows the list to one document.
 */
export const findScheduleFailures = async (
  payload: Payload,
  user: unknown,
  doc?: { collection: string; id: number | string },
): Promise<ScheduleFailure[]> => {
  if (!hasRole(user, 'admin', 'editor')) return []
  const conditions: Where[] = [
    { taskSlug: { equals: 'schedulePublish' } },
    { or: [{ hasError: { equals: true } }, { completedAt: { exists: true } }] },
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
    limit: 200,
    overrideAccess: true,
    pagination: false,
    sort: '-updatedAt',
    where: { and: conditions },
  })) as unknown as { docs: JobRow[] }
  const latest = new Map<string, JobRow>()
  for (const job of docs) {
    const target = job.input?.doc
    if (!target?.relationTo || target.value === undefined) continue
    const key = `${target.relationTo}:${target.value}`
    if (!latest.has(key)) latest.set(key, job)
  }
  return [...latest.values()]
    .filter((job) => job.hasError)
    .map((job) => ({
      collection: job.input?.doc?.relationTo ?? '',
      failedAt: job.updatedAt ?? '',
      id: job.input?.doc?.value ?? '',
      message: messageOf(job),
      type: job.input?.type ?? 'publish',
    }))
}
