/** What the admin's statistics summaries need of one snapshot. */
export interface SnapshotRow {
  approximate?: boolean | null
  asOf: string
  country?: string | null
  key?: string | null
  label?: string | null
  metric: string
  organization?: number | string | { name?: string | null } | null
  region?: string | null
  scope: string
  scopeKey?: string | null
  value: number
}

/** The latest snapshot of one metric in one scope, with the one before it and the whole series. */
export interface LatestFigure {
  key: string
  latest: SnapshotRow
  previous?: SnapshotRow
  /** Every snapshot of the metric in the scope, oldest first: the trend. */
  history: SnapshotRow[]
}

/** The latest figures of one scope, metrics in the order counters show them. */
export interface ScopeFigures {
  scopeKey: string
  /** A snapshot of the scope, to name it. */
  sample: SnapshotRow
  figures: LatestFigure[]
}

const METRIC_ORDER = ['teachers', 'schools', 'projects', 'students', 'countries']

const metricRank = (key: string) => {
  const index = METRIC_ORDER.indexOf(key)
  return index === -1 ? METRIC_ORDER.length : index
}

const scopeRank = (scopeKey: string) =>
  scopeKey === 'programme' ? 0 : scopeKey.startsWith('country:') ? 1 : 2

/**
 * Groups snapshots by scope and metric and keeps, per pair, the latest (by `asOf`) and the one
 * before it. Scopes come programme first, then countries, then the rest, each sorted by key;
 * metrics in counter order, custom keys last.
 */
export const latestFigures = (snapshots: readonly SnapshotRow[]): ScopeFigures[] => {
  const byScope = new Map<string, Map<string, SnapshotRow[]>>()
  for (const snapshot of snapshots) {
    const scopeKey = snapshot.scopeKey ?? snapshot.scope
    const key = snapshot.key ?? snapshot.metric
    let metrics = byScope.get(scopeKey)
    if (!metrics) byScope.set(scopeKey, (metrics = new Map()))
    const list = metrics.get(key) ?? []
    list.push(snapshot)
    metrics.set(key, list)
  }
  return [...byScope.entries()]
    .sort(([a], [b]) => scopeRank(a) - scopeRank(b) || a.localeCompare(b))
    .map(([scopeKey, metrics]) => {
      const figures = [...metrics.entries()]
        .sort(([a], [b]) => metricRank(a) - metricRank(b) || a.localeCompare(b))
        .map(([key, list]) => {
          const newest = [...list].sort((a, b) => b.asOf.localeCompare(a.asOf))
          const [latest, previous] = newest
          return { key, latest: latest as SnapshotRow, previous, history: newest.reverse() }
        })
      return { scopeKey, sample: (figures[0] as LatestFigure).latest, figures }
    })
}
