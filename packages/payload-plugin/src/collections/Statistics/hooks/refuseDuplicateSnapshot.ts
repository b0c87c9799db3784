import type { CollectionBeforeChangeHook, PayloadRequest, Where } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../../../utilities/translate'

/**
 * Thrown when a snapshot with the same metric, scope and date exists. A {@link ValidationError}
 * (HTTP 400, error on `asOf`) whose message is the explanation itself rather than a list of fields.
 */
export class DuplicateSnapshotError extends ValidationError {
  constructor(collection: string, message: string, req: PayloadRequest) {
    super({ collection, errors: [{ message, path: 'asOf' }], req }, req.t)
    this.message = message
  }
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Refuses a second snapshot with the same `key`, `scopeKey` and `asOf` day: a new figure for the same
 * date is a correction of the existing snapshot, which editors make by editing it.
 */
export const refuseDuplicateSnapshot: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc as Record<string, unknown> | undefined), ...data }
  const { asOf, key, scopeKey } = merged
  if (typeof key !== 'string' || typeof scopeKey !== 'string' || typeof asOf !== 'string')
    return data
  const day = Date.parse(`${asOf.slice(0, 10)}T00:00:00.000Z`)
  if (Number.isNaN(day)) return data

  const conditions: Where[] = [
    { key: { equals: key } },
    { scopeKey: { equals: scopeKey } },
    { asOf: { greater_than_equal: new Date(day).toISOString() } },
    { asOf: { less_than: new Date(day + DAY).toISOString() } },
  ]
  const id = (originalDoc as { id?: number | string } | undefined)?.id
  if (id !== undefined) conditions.push({ id: { not_equals: id } })

  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    overrideAccess: true,
    req,
    where: { and: conditions },
  })
  if (totalDocs > 0) {
    const message = translate(req.t, 'duplicateSnapshot', {
      date: asOf.slice(0, 10),
      metric: key,
      scope: scopeKey,
    })
    throw new DuplicateSnapshotError(collection.slug, message, req)
  }
  return data
}
