import type { CollectionBeforeValidateHook } from 'payload'

import { normalizeDay, snapshotKey, snapshotScopeKey } from '../../../utilities/snapshot'

const FIELDS_BY_SCOPE: Record<string, string[]> = {
  country: ['country'],
  organization: ['country', 'organization'],
  programme: [],
  region: ['country', 'region'],
}

/**
 * Computes `key` and `scopeKey` from the metric and scope, normalises `customKey` and `asOf`, and
 * clears scope fields that do not apply, so the stored keys always match what is shown.
 */
export const computeKeys: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const merged = { ...(originalDoc as Record<string, unknown> | undefined), ...data }

  if (typeof data.customKey === 'string') data.customKey = data.customKey.trim().toLowerCase()
  if (merged.metric !== undefined && merged.metric !== 'custom') data.customKey = null
  if (data.asOf !== undefined) data.asOf = normalizeDay(data.asOf) ?? data.asOf

  const scope = typeof merged.scope === 'string' ? merged.scope : 'programme'
  const kept = FIELDS_BY_SCOPE[scope]
  if (kept) {
    for (const field of ['country', 'region', 'organization']) {
      if (!kept.includes(field) && merged[field] !== undefined && merged[field] !== null) {
        data[field] = null
      }
    }
  }

  const next = { ...merged, ...data }
  data.key = snapshotKey(next) ?? null
  data.scopeKey = snapshotScopeKey(next) ?? null
  return data
}
