import type { EtwTranslationKey } from '../translations'
import type { EtwLabel } from './labels'

import { etwString } from '../translations'
import { etwText } from './labels'

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

/** The metrics with a fixed key, in the order counters show them. */
export const BUILT_IN_METRICS = [
  'teachers',
  'schools',
  'projects',
  'students',
  'countries',
] as const

/** One of {@link BUILT_IN_METRICS}. */
export type BuiltInMetric = (typeof BUILT_IN_METRICS)[number]

/** Whether `key` is a metric with a fixed key (not a custom one). */
export const isBuiltInMetric = (key: unknown): key is BuiltInMetric =>
  (BUILT_IN_METRICS as readonly unknown[]).includes(key)

/** Syntax of a custom metric key: lowercase letters, digits and single hyphens (`partner-schools`). */
export const CUSTOM_METRIC_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const LABEL_KEYS: Record<BuiltInMetric, EtwTranslationKey> = {
  countries: 'metricCountries',
  projects: 'metricProjects',
  schools: 'metricSchools',
  students: 'metricStudents',
  teachers: 'metricTeachers',
}

/** The admin label of a built-in metric (`t('etw:metricTeachers')`). */
export const metricLabels = (metric: BuiltInMetric): EtwLabel => etwText(LABEL_KEYS[metric])

/** The label of a built-in metric in `locale`, English when the plugin has no such language. */
export const metricLabel = (metric: BuiltInMetric, locale: string): string =>
  etwString(locale, LABEL_KEYS[metric])

/** What a statistics snapshot counts: the whole programme, a country, a region or an organization. */
export const STATISTIC_SCOPES = ['programme', 'country', 'region', 'organization'] as const

/** One of {@link STATISTIC_SCOPES}. */
export type StatisticScope = (typeof STATISTIC_SCOPES)[number]
