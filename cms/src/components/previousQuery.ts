/** The form values that name a snapshot's metric and scope. */
export interface SnapshotScopeValues {
  metric?: unknown
  customKey?: unknown
  scope?: unknown
  country?: unknown
  region?: unknown
  organization?: unknown
  asOf?: unknown
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return text(String(value))
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf(value.id)
  return undefined
}

/**
 * The REST query (`?where[and][0][metric][equals]=teachers&…&sort=-asOf&limit=1`) of the latest
 * snapshot of the same metric and scope as the form's, dated before the form's date when it has
 * one, other than the document `id` itself; `undefined` while the metric or the scope's own field
 * is still empty.
 */
export const previousFigureQuery = (
  values: SnapshotScopeValues,
  id?: number | string,
): string | undefined => {
  const metric = text(values.metric)
  const scope = text(values.scope) ?? 'programme'
  const conditions: [string, string, string][] = []
  if (!metric) return undefined
  if (metric === 'custom') {
    const key = text(values.customKey)
    if (!key) return undefined
    conditions.push(['key', 'equals', key.toLowerCase()])
  } else conditions.push(['metric', 'equals', metric])
  conditions.push(['scope', 'equals', scope])
  const country = text(values.country)
  if (scope === 'country' || scope === 'region') {
    if (!country) return undefined
    conditions.push(['country', 'equals', country])
  }
  if (scope === 'region') {
    const region = text(values.region)
    if (!region) return undefined
    conditions.push(['region', 'equals', region])
  }
  if (scope === 'organization') {
    const organization = idOf(values.organization)
    if (!organization) return undefined
    conditions.push(['organization', 'equals', organization])
  }
  const asOf = text(values.asOf)
  if (asOf && !Number.isNaN(Date.parse(asOf))) {
    // Snapshots are stored at noon UTC of their day: an earlier day is before that day's start.
    conditions.push([
      'asOf',
      'less_than',
      `${new Date(asOf).toISOString().slice(0, 10)}T00:00:00.000Z`,
    ])
  }
  if (id !== undefined) conditions.push(['id', 'not_equals', String(id)])
  const query = new URLSearchParams()
  conditions.forEach(([field, operator, value], index) =>
    query.set(`where[and][${index}][${field}][${operator}]`, value),
  )
  query.set('sort', '-asOf')
  query.set('limit', '1')
  query.set('depth', '0')
  return query.toString()
}
