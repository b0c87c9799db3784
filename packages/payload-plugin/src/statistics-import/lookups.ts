import type { Payload, PayloadRequest } from 'payload'

import type { ImportedSnapshot } from './validate'

import { ORGANIZATIONS_SLUG, STATISTICS_SLUG } from '../slugs'
import { snapshotIdentity } from './validate'

/** Most organizations a file may name; beyond it the lookup reads only this many. */
const MAX_ORGANIZATIONS = 10_000

type Names = { id: number | string; name?: unknown; shortName?: unknown; slug?: unknown }

/**
 * Every organization by each way a file may name it — its ID, slug, short name and name in any
 * language — lower-cased, for {@link validateRow}.
 */
export const organizationsByName = async (
  payload: Payload,
  req?: PayloadRequest,
): Promise<Map<string, number | string>> => {
  const { docs } = await payload.find({
    collection: ORGANIZATIONS_SLUG,
    depth: 0,
    limit: MAX_ORGANIZATIONS,
    locale: 'all',
    pagination: false,
    // A local request even inside an endpoint: the REST list bound does not apply to this lookup.
    req: req && req.payloadAPI === 'local' ? req : undefined,
    select: { name: true, shortName: true, slug: true },
  })
  const names = new Map<string, number | string>()
  for (const doc of docs as unknown as Names[]) {
    const localized =
      typeof doc.name === 'object' && doc.name !== null ? Object.values(doc.name) : [doc.name]
    for (const name of [...localized, doc.shortName, doc.slug]) {
      if (typeof name === 'string' && name.trim()) names.set(name.trim().toLowerCase(), doc.id)
    }
    names.set(String(doc.id), doc.id)
  }
  return names
}

const DAY = 24 * 60 * 60 * 1000

/**
 * The identities ({@link snapshotIdentity}) of stored snapshots that `snapshots` would repeat: same
 * key, scope and day. One query over the keys and the file's range of days.
 */
export const existingIdentities = async (
  payload: Payload,
  snapshots: readonly Pick<ImportedSnapshot, 'asOf' | 'key' | 'scopeKey'>[],
  req?: PayloadRequest,
): Promise<Set<string>> => {
  if (snapshots.length === 0) return new Set()
  const keys = [...new Set(snapshots.map(({ key }) => key))]
  const days = snapshots.map(({ asOf }) => Date.parse(`${asOf.slice(0, 10)}T00:00:00.000Z`))
  const wanted = new Set(snapshots.map(snapshotIdentity))
  const { docs } = await payload.find({
    collection: STATISTICS_SLUG,
    depth: 0,
    pagination: false,
    req: req && req.payloadAPI === 'local' ? req : undefined,
    select: { asOf: true, key: true, scopeKey: true },
    where: {
      and: [
        { key: { in: keys } },
        { asOf: { greater_than_equal: new Date(Math.min(...days)).toISOString() } },
        { asOf: { less_than: new Date(Math.max(...days) + DAY).toISOString() } },
      ],
    },
  })
  const found = new Set<string>()
  for (const doc of docs as unknown as { asOf?: string; key?: string; scopeKey?: string }[]) {
    if (!doc.asOf || !doc.key || !doc.scopeKey) continue
    const identity = snapshotIdentity({ asOf: doc.asOf, key: doc.key, scopeKey: doc.scopeKey })
    if (wanted.has(identity)) found.add(identity)
  }
  return found
}
