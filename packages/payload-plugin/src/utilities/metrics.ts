/** Statistics metrics; `custom` takes its key from the snapshot's `customKey`. */
export const METRICS = [
  'teachers',
  'schools',
  'projects',
  'students',
  'countries',
  'custom',
] as const

/** One of {@link METRICS}. */
export type Metric = (typeof METRICS)[number]

/** What a statistics snapshot counts: the whole programme, a country, a region or an organization. */
export const STATISTIC_SCOPES = ['programme', 'country', 'region', 'organization'] as const

/** One of {@link STATISTIC_SCOPES}. */
export type StatisticScope = (typeof STATISTIC_SCOPES)[number]
