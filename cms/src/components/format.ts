import type { I18nClient } from '@payloadcms/translations'

import type { SnapshotRow } from './snapshots'

import type { EtwTranslationKey } from '@etw/payload-plugin/i18n'

import { etwT, intlLocaleOf } from '@etw/payload-plugin/i18n'

const METRIC_MESSAGES: Record<string, EtwTranslationKey> = {
  countries: 'metricCountries',
  projects: 'metricProjects',
  schools: 'metricSchools',
  students: 'metricStudents',
  teachers: 'metricTeachers',
}

/** The metric's name in the admin language: the plugin's label, or a custom metric's own label. */
export const metricName = (
  i18n: Pick<I18nClient, 't'>,
  key: string,
  label?: string | null,
): string => {
  const message = METRIC_MESSAGES[key]
  return message ? etwT(i18n.t)(message) : label || key
}

/** A country's name in `language`, from `Intl.DisplayNames`. */
export const countryLabel = (code: string, language: string): string => {
  try {
    return new Intl.DisplayNames([intlLocaleOf(language)], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** The name of a snapshot's scope in the admin language: the programme, a country, a region or an organization. */
export const scopeName = (
  snapshot: SnapshotRow,
  i18n: Pick<I18nClient, 'language' | 't'>,
): string => {
  const country = snapshot.country ? countryLabel(snapshot.country, i18n.language) : ''
  switch (snapshot.scope) {
    case 'programme':
      return etwT(i18n.t)('programme')
    case 'country':
      return country
    case 'region':
      return `${snapshot.region ?? ''} (${country})`
    default: {
      const organization = snapshot.organization
      return typeof organization === 'object' && organization?.name
        ? organization.name
        : (snapshot.scopeKey ?? snapshot.scope)
    }
  }
}

/** A figure as counters show it: grouped digits in `language`, "+" when approximate. */
export const formatFigure = (snapshot: SnapshotRow, language: string): string =>
  `${new Intl.NumberFormat(intlLocaleOf(language)).format(snapshot.value)}${snapshot.approximate ? '+' : ''}`

/** A calendar date (`asOf`, stored as midnight UTC) in `language`. */
export const formatDay = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(intlLocaleOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(iso),
  )
