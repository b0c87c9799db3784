import type { I18nClient } from '@payloadcms/translations'

import type { SnapshotRow } from './snapshots'

import { adminText } from './translations'

const METRIC_MESSAGES: Record<string, string> = {
  countries: 'etw:metricCountries',
  projects: 'etw:metricProjects',
  schools: 'etw:metricSchools',
  students: 'etw:metricStudents',
  teachers: 'etw:metricTeachers',
}

type Translate = (key: string) => string

/** The metric's name in the admin language: the plugin's label, or a custom metric's own label. */
export const metricName = (
  i18n: Pick<I18nClient, 't'>,
  key: string,
  label?: string | null,
): string => {
  const message = METRIC_MESSAGES[key]
  if (message) {
    const translated = (i18n.t as Translate)(message)
    if (translated && translated !== message) return translated
  }
  return label || key
}

/** A country's name in `language`, from `Intl.DisplayNames`. */
export const countryLabel = (code: string, language: string): string => {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** The name of a snapshot's scope in `language`: the programme, a country, a region or an organization. */
export const scopeName = (snapshot: SnapshotRow, language: string): string => {
  const country = snapshot.country ? countryLabel(snapshot.country, language) : ''
  switch (snapshot.scope) {
    case 'programme':
      return adminText(language).programme
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
  `${new Intl.NumberFormat(language).format(snapshot.value)}${snapshot.approximate ? '+' : ''}`

/** A calendar date (`asOf`, stored as midnight UTC) in `language`. */
export const formatDay = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
