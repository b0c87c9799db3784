import { isCountryCode } from '../utilities/countries'
import { CUSTOM_METRIC_KEY, isBuiltInMetric } from '../utilities/metrics'
import { invalidParameter, unknownParameter } from './errors'

/**
 * Parsers of single query parameters. Each returns the normalized value or throws a 400
 * `FeedError` naming the parameter; none of them touches the database.
 */

/** Longest value any parameter may have; longer ones are refused before they are parsed. */
export const MAX_PARAMETER_LENGTH = 200

/** Largest `page`: deeper pages cost an ever larger scan, the `cursor` does not. */
export const MAX_PAGE = 1000

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Splits a query string (without `?`) into parameters. A parameter given twice is refused, so that
 * `?country=UA&country=AZ` cannot be read two ways; values longer than
 * {@link MAX_PARAMETER_LENGTH} are refused.
 */
export const parseQueryString = (search: string): Map<string, string> => {
  const params = new Map<string, string>()
  for (const [name, value] of new URLSearchParams(search)) {
    if (params.has(name)) {
      throw invalidParameter(name, `"${name}" is given more than once; give it once.`)
    }
    if (value.length > MAX_PARAMETER_LENGTH) {
      throw invalidParameter(name, `"${name}" is longer than ${MAX_PARAMETER_LENGTH} characters.`)
    }
    params.set(name, value)
  }
  return params
}

/** Refuses the first parameter that is not in `allowed`. */
export const refuseUnknownParameters = (
  params: ReadonlyMap<string, string>,
  allowed: readonly string[],
): void => {
  for (const name of params.keys()) {
    if (!allowed.includes(name)) throw unknownParameter(name, allowed)
  }
}

const nonEmpty = (name: string, value: string): string => {
  const trimmed = value.trim()
  if (trimmed === '') throw invalidParameter(name, `"${name}" is empty.`)
  return trimmed
}

/** A whole number from 1 to `max`; `fallback` when absent. */
export const parseLimit = (value: string | undefined, fallback: number, max: number): number => {
  if (value === undefined) return Math.min(fallback, max)
  const limit = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalidParameter('limit', `"limit" must be a whole number from 1 to ${max}.`)
  }
  return limit
}

/** A page number from 1 to {@link MAX_PAGE}; 1 when absent. */
export const parsePage = (value: string | undefined): number => {
  if (value === undefined) return 1
  const page = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    throw invalidParameter(
      'page',
      `"page" must be a whole number from 1 to ${MAX_PAGE}; use "cursor" to go further.`,
    )
  }
  return page
}

/** An ISO 3166-1 alpha-2 code in either case, returned in upper case (`az` → `AZ`). */
export const parseCountry = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const code = nonEmpty('country', value).toUpperCase()
  if (!isCountryCode(code)) {
    throw invalidParameter(
      'country',
      `"country" must be an ISO 3166-1 alpha-2 code such as UA or AZ, not "${value}".`,
    )
  }
  return code
}

/** One of the configured content locales; the default locale when absent. */
export const parseLocale = (
  value: string | undefined,
  locales: readonly string[],
  defaultLocale: string,
): string => {
  if (value === undefined) return defaultLocale
  if (!locales.includes(value)) {
    throw invalidParameter('locale', `"locale" must be one of ${locales.join(', ')}.`)
  }
  return value
}

/** A slug (`k-pnu`), as organizations store it. */
export const parseSlug = (name: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const slug = nonEmpty(name, value).toLowerCase()
  if (!SLUG.test(slug)) {
    throw invalidParameter(
      name,
      `"${name}" must be a slug: lowercase letters, digits and single hyphens.`,
    )
  }
  return slug
}

/** A tag, normalized as news tags are stored: trimmed and in lower case. */
export const parseTag = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : nonEmpty('tag', value).toLocaleLowerCase()

/** A metric key: a built-in metric or the syntax of a custom key. */
export const parseMetricKey = (name: string, value: string): string => {
  const key = value.trim()
  if (!isBuiltInMetric(key) && !CUSTOM_METRIC_KEY.test(key)) {
    throw invalidParameter(
      name,
      `"${value}" is not a metric: use teachers, schools, projects, students, countries or a custom key.`,
    )
  }
  return key
}

/** A comma-separated list of metric keys, without repeats, in the order given. */
export const parseMetricList = (value: string | undefined): string[] | undefined => {
  if (value === undefined) return undefined
  const keys = nonEmpty('metrics', value)
    .split(',')
    .map((part) => parseMetricKey('metrics', part))
  return [...new Set(keys)]
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/

const isRealDay = (year: string, month: string, day: string): boolean => {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  )
}

/**
 * An ISO 8601 date (`2025-05-15`) or date-time with an offset (`2025-05-15T09:00:00+04:00`). A date
 * alone means the start of that day in UTC for `edge: 'start'` and its last millisecond for
 * `edge: 'end'`, so `from` and `to` both include the day named.
 */
export const parseIsoDate = (
  name: string,
  value: string | undefined,
  edge: 'end' | 'start',
): Date | undefined => {
  if (value === undefined) return undefined
  const invalid = () =>
    invalidParameter(
      name,
      `"${name}" must be an ISO 8601 date (2025-05-15) or date-time with an offset (2025-05-15T09:00:00Z).`,
    )
  const dateOnly = DATE_ONLY.exec(value)
  if (dateOnly) {
    const [, year = '', month = '', day = ''] = dateOnly
    if (!isRealDay(year, month, day)) throw invalid()
    const start = Date.UTC(Number(year), Number(month) - 1, Number(day))
    return new Date(edge === 'start' ? start : start + 86_400_000 - 1)
  }
  const dateTime = DATE_TIME.exec(value)
  if (!dateTime) throw invalid()
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '00'] = dateTime
  if (!isRealDay(year, month, day) || Number(hour) > 23 || Number(minute) > 59) throw invalid()
  if (Number(second) > 59) throw invalid()
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw invalid()
  return new Date(time)
}

/** One of `values`; `fallback` when absent. */
export const parseEnum = <T extends string>(
  name: string,
  value: string | undefined,
  values: readonly T[],
  fallback: T,
): T => {
  if (value === undefined) return fallback
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParameter(name, `"${name}" must be one of ${values.join(', ')}.`)
  }
  return value as T
}

/** The shape of document ids: whole numbers on SQL databases, text (ObjectIds) on MongoDB. */
export type IdType = 'number' | 'text'

/** Whether `value` looks like a document id of `idType`. */
export const isDocumentId = (value: unknown, idType: IdType): value is number | string =>
  idType === 'number'
    ? typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    : typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)

/** A document id: a positive whole number on SQL databases, text on MongoDB. */
export const parseDocumentId = (
  name: string,
  value: string | undefined,
  idType: IdType,
): number | string | undefined => {
  if (value === undefined) return undefined
  const id = idType === 'number' && /^\d{1,15}$/.test(value) ? Number(value) : value
  if (!isDocumentId(id, idType)) throw invalidParameter(name, `"${name}" is not a document id.`)
  return id
}
