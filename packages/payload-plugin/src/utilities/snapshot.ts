import type { StatisticScope } from './metrics'

/** The fields of a statistics snapshot that its keys are computed from. */
export type SnapshotKeyInput = {
  country?: unknown
  customKey?: unknown
  metric?: unknown
  organization?: unknown
  region?: unknown
  scope?: unknown
}

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf(value.id)
  return undefined
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/** The snapshot's `key`: the metric, or the custom key of a `custom` metric. */
export const snapshotKey = ({ customKey, metric }: SnapshotKeyInput): string | undefined =>
  metric === 'custom' ? text(customKey) : text(metric)

/**
 * The snapshot's `scopeKey`: `'programme'`, `'country:AZ'`, `'region:AZ:<region>'` or
 * `'organization:<id>'`; `undefined` while the scope's own field is missing.
 */
export const snapshotScopeKey = (input: SnapshotKeyInput): string | undefined => {
  const scope = (input.scope ?? 'programme') as StatisticScope
  const country = text(input.country)
  switch (scope) {
    case 'programme':
      return 'programme'
    case 'country':
      return country && `country:${country}`
    case 'region': {
      const region = text(input.region)
      return country && region && `region:${country}:${region}`
    }
    case 'organization': {
      const id = idOf(input.organization)
      return id && `organization:${id}`
    }
    default:
      return undefined
  }
}

/**
 * A day-only date as stored: noon UTC of the given calendar day, as Payload's day picker sends it,
 * so that `2024-06-01` and `2024-06-01T12:00:00.000Z` are the same snapshot date.
 */
export const normalizeDay = (value: unknown): string | undefined => {
  if (!(typeof value === 'string' || value instanceof Date)) return undefined
  const time = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(time)) return undefined
  return `${new Date(time).toISOString().slice(0, 10)}T12:00:00.000Z`
}
