import type * as z from 'zod'

import {
  countryValue,
  DateOrDateTime,
  documentIdValue,
  bestContentLocale,
  localeValue,
  MAX_LOCALE_LENGTH,
  MAX_COMPARE_COUNTRIES,
  MAX_PAGE,
  MAX_PARAMETER_LENGTH,
  metricKeyValue,
  searchValue,
  slugValue,
  tagValue,
  wholeNumber,
} from '../contract/parameters'
import { invalidParameter, unknownParameter } from './errors'

/**
 * Parsers of single query parameters. Each validates and normalizes its value with the schema of
 * the feed's contract (`contract/parameters.ts`) and returns it, or throws a 400 `FeedError`
 * naming the parameter; none of them touches the database.
 */

export { MAX_PAGE, MAX_PARAMETER_LENGTH }

/** A schema per argument: building a schema costs far more than checking a value with it. */
const cached = <A, T>(make: (argument: A) => T): ((argument: A) => T) => {
  const made = new Map<A, T>()
  return (argument) => {
    let schema = made.get(argument)
    if (schema === undefined) {
      schema = make(argument)
      made.set(argument, schema)
    }
    return schema
  }
}

const limitValue = cached(wholeNumber)

/** `value` as `schema` outputs it, or the error `refuse` makes. */
const check = <T extends z.ZodType>(schema: T, value: string, refuse: () => Error): z.output<T> => {
  const result = schema.safeParse(value)
  if (!result.success) throw refuse()
  return result.data
}

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
  return check(limitValue(max), value, () =>
    invalidParameter('limit', `"limit" must be a whole number from 1 to ${max}.`),
  )
}

const pageValue = wholeNumber(MAX_PAGE)

/** A page number from 1 to {@link MAX_PAGE}; 1 when absent. */
export const parsePage = (value: string | undefined): number => {
  if (value === undefined) return 1
  return check(pageValue, value, () =>
    invalidParameter(
      'page',
      `"page" must be a whole number from 1 to ${MAX_PAGE}; use "cursor" to go further.`,
    ),
  )
}

/** An ISO 3166-1 alpha-2 code in either case, returned in upper case (`az` → `AZ`). */
export const parseCountry = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  return check(countryValue, nonEmpty('country', value), () =>
    invalidParameter(
      'country',
      `"country" must be an ISO 3166-1 alpha-2 code such as UA or AZ, not "${value}".`,
    ),
  )
}

/**
 * A comma-separated list of ISO 3166-1 alpha-2 codes, returned in upper case without repeats, in
 * the order given; at most {@link MAX_COMPARE_COUNTRIES}. Unassigned codes are named in the error.
 */
export const parseCountryList = (name: string, value: string): string[] => {
  const parts = nonEmpty(name, value)
    .split(',')
    .map((part) => part.trim())
  const unknown = parts.filter((part) => !countryValue.safeParse(part).success)
  if (unknown.length > 0) {
    const shown = unknown.map((part) => `"${part}"`).join(', ')
    throw invalidParameter(
      name,
      `${unknown.length === 1 ? 'Not a country code' : 'Not country codes'}: ${shown}. "${name}" takes ISO 3166-1 alpha-2 codes such as AZ,UA,GE.`,
    )
  }
  const codes = [...new Set(parts.map((part) => part.toUpperCase()))]
  if (codes.length > MAX_COMPARE_COUNTRIES) {
    throw invalidParameter(
      name,
      `"${name}" takes at most ${MAX_COMPARE_COUNTRIES} countries, not ${codes.length}.`,
    )
  }
  return codes
}

/**
 * The content locale to serve for `locale`, a BCP 47 language tag: the best configured one
 * ({@link bestContentLocale}); the default locale when absent. A value not shaped as a language tag
 * is refused.
 */
export const parseLocale = (
  value: string | undefined,
  locales: readonly string[],
  defaultLocale: string,
): string => {
  if (value === undefined) return defaultLocale
  const tag = check(localeValue, value, () =>
    invalidParameter(
      'locale',
      `"locale" must be a BCP 47 language tag such as en or pt-BR, at most ${MAX_LOCALE_LENGTH} characters.`,
    ),
  )
  return bestContentLocale(tag, locales, defaultLocale)
}

/** A slug (`k-pnu`), as organizations store it. */
export const parseSlug = (name: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  return check(slugValue, nonEmpty(name, value), () =>
    invalidParameter(
      name,
      `"${name}" must be a slug: lowercase letters, digits and single hyphens.`,
    ),
  )
}

/** A tag, normalized as news tags are stored: trimmed and in lower case. */
export const parseTag = (value: string | undefined): string | undefined =>
  value === undefined
    ? undefined
    : check(tagValue, nonEmpty('tag', value), () =>
        invalidParameter('tag', `"tag" is longer than ${MAX_PARAMETER_LENGTH} characters.`),
      )

/** A search (`q`): trimmed, 1 to 200 characters, with a letter or a digit. */
export const parseSearch = (value: string | undefined): string | undefined =>
  value === undefined
    ? undefined
    : check(searchValue, nonEmpty('q', value), () =>
        invalidParameter('q', '"q" must have a letter or a digit, in 1 to 200 characters.'),
      )

/** A metric key: a built-in metric or the syntax of a custom key. */
export const parseMetricKey = (name: string, value: string): string =>
  check(metricKeyValue, value, () =>
    invalidParameter(
      name,
      `"${value}" is not a metric: use teachers, schools, projects, students, countries or a custom key.`,
    ),
  )

/** A comma-separated list of metric keys, without repeats, in the order given. */
export const parseMetricList = (value: string | undefined): string[] | undefined => {
  if (value === undefined) return undefined
  const keys = nonEmpty('metrics', value)
    .split(',')
    .map((part) => parseMetricKey('metrics', part))
  return [...new Set(keys)]
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
  const checked = check(DateOrDateTime, value, invalid)
  if (checked.length === 10) {
    const start = Date.parse(`${checked}T00:00:00.000Z`)
    return new Date(edge === 'start' ? start : start + 86_400_000 - 1)
  }
  return new Date(Date.parse(checked))
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
  const refuse = () => invalidParameter(name, `"${name}" is not a document id.`)
  const text = check(documentIdValue, value, refuse)
  const id = idType === 'number' && /^\d{1,15}$/.test(text) ? Number(text) : text
  if (!isDocumentId(id, idType)) throw refuse()
  return id
}
