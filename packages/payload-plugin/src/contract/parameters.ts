import * as z from 'zod'

import { isCountryCode } from '../utilities/countries'
import { bestContentLocale, LOCALE_TAG, MAX_LOCALE_LENGTH } from './locale-tags'
import { EventsWhen, MetricKey, named } from './schemas'

/**
 * The feed's parameters, described once: the feed's parsers validate and normalize query values
 * with these schemas (`feed/params.ts`, which adds the error messages), and `docs/openapi.yaml`'s
 * `components.parameters` are generated from them. A schema's output is the documented value.
 */

/** Longest value any parameter may have; longer ones are refused before they are parsed. */
export const MAX_PARAMETER_LENGTH = 200

/** Largest `page`: deeper pages cost an ever larger scan, the `cursor` does not. */
export const MAX_PAGE = 1000

/** A whole number from 1 to `max`, written in decimal digits. */
export const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.int().min(1).max(max))

/** An ISO 3166-1 alpha-2 code in either case, normalized to upper case; it must be assigned. */
export const countryValue = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .toUpperCase()
  .refine(isCountryCode)

/** A slug (`k-pnu`) in either case, normalized to lower case. */
export const slugValue = z
  .string()
  .trim()
  .max(MAX_PARAMETER_LENGTH)
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/)
  .toLowerCase()

/**
 * A stored item's slug, as the single-item routes take it from the path, in either case. Unlike
 * query parameters it has no length bound of its own: a slug is as long as the title it comes from,
 * and the path is bounded by the server's URL limit.
 */
export const itemSlugValue = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/)
  .toLowerCase()

/** A news tag, normalized as tags are stored: trimmed and in lower case. */
export const tagValue = z
  .string()
  .trim()
  .min(1)
  .max(MAX_PARAMETER_LENGTH)
  .overwrite((tag) => tag.toLocaleLowerCase())

/** A metric key: a built-in metric or the syntax of a custom key. */
export const metricKeyValue = z.string().trim().pipe(MetricKey)

/** Most countries one comparison takes. */
export const MAX_COMPARE_COUNTRIES = 50

/** Comma-separated ISO 3166-1 alpha-2 codes, each assigned, at most {@link MAX_COMPARE_COUNTRIES}. */
export const countryListValue = z
  .string()
  .transform((text) => text.split(','))
  .pipe(z.array(countryValue).min(1).max(MAX_COMPARE_COUNTRIES))

/** Comma-separated metric keys. */
export const metricListValue = z
  .string()
  .transform((text) => text.split(','))
  .pipe(z.array(metricKeyValue).min(1))

const isRealDay = (year: string, month: string, day: string): boolean => {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  )
}

/** An ISO 8601 date, or a date-time with an offset, that exists. */
export const DateOrDateTime = named(
  'DateOrDateTime',
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/)
    .refine((value) => {
      const [year = '', month = '', day = ''] = value.slice(0, 10).split('-')
      if (!isRealDay(year, month, day)) return false
      const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value)
      if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)) {
        return false
      }
      return !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))
    }),
  'An ISO 8601 date (`2025-05-15`) or a date-time with an offset, seconds optional (`2025-05-15T09:00+04:00`, `2025-05-15T09:00:00.000Z`). The date must exist.',
)

/** An opaque cursor: the `nextCursor` of an earlier answer. */
export const cursorValue = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/)

/** A document id: a whole number on SQL databases, text (an ObjectId) on MongoDB. */
export const documentIdValue = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

/** A search: 1 to 200 characters with at least one letter or digit, trimmed. */
export const searchValue = z
  .string()
  .trim()
  .min(1)
  .max(MAX_PARAMETER_LENGTH)
  .regex(/[\p{L}\p{N}]/u)

/** The `when` of an events list. */
export const whenValue = EventsWhen

/** One query, path or header parameter, as OpenAPI describes it. */
export interface ParameterDefinition {
  name: string
  in: 'header' | 'path' | 'query'
  description: string
  required?: true
  /** The value; its output is what the documentation shows. */
  schema: z.ZodType
  example?: unknown
  /** Lists: comma-separated (`style: form`, `explode: false`). */
  list?: true
}

/** What the documented parameters depend on: the configured locales and limits. */
export interface ParameterSettings {
  locales: readonly string[]
  defaultLocale: string
  maxLimit: number
}

export { bestContentLocale, MAX_LOCALE_LENGTH }

/**
 * The values of `locale`: a BCP 47 language tag's shape ({@link LOCALE_TAG}), at most
 * {@link MAX_LOCALE_LENGTH} characters. The feed serves the best content locale it has for it
 * ({@link bestContentLocale}).
 */
export const localeValue = z.string().max(MAX_LOCALE_LENGTH).regex(LOCALE_TAG)

/**
 * The feed's parameters by OpenAPI component name, with the configured locales and `maxLimit`.
 */
export const parameterDefinitions = ({
  defaultLocale,
  locales,
  maxLimit,
}: ParameterSettings): Record<string, ParameterDefinition> => ({
  Slug: {
    name: 'slug',
    in: 'path',
    required: true,
    description: "The item's slug (a changed slug keeps answering on the public pages only).",
    schema: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  },
  Country: {
    name: 'country',
    in: 'query',
    description:
      'ISO 3166-1 alpha-2 country code, either case (`AZ`, `az`); it must be an assigned code.',
    schema: countryValue,
    example: 'AZ',
  },
  Organization: {
    name: 'organization',
    in: 'query',
    description:
      'Slug of an existing organization (`k-pnu`), compared in lower case. On `/stats` and `/stats/history` it cannot be combined with `country`.',
    schema: slugValue,
    example: 'k-pnu',
  },
  Locale: {
    name: 'locale',
    in: 'query',
    description: `A BCP 47 language tag (\`en\`, \`pt-BR\`, \`ar\`), at most ${MAX_LOCALE_LENGTH} characters. The feed serves the best of its content locales (${locales.map((l) => `\`${l}\``).join(', ')} here): the one equal to the tag, else the one of its language (\`pt-BR\` → \`pt\`), else the default locale (\`${defaultLocale}\`); the response's \`locale\` and its \`Content-Language\` header name the one served. Items without a translation fall back to the default locale (their own \`locale\` says so). A tag not of that shape is refused with \`400\`.`,
    schema: localeValue.default(defaultLocale),
    example: 'pt-BR',
  },
  Tag: {
    name: 'tag',
    in: 'query',
    description: 'A news tag, compared in lower case.',
    schema: tagValue,
    example: 'seminar',
  },
  Query: {
    name: 'q',
    in: 'query',
    description:
      'Search words, 1 to 200 characters: each word must start a word of the title, summary or body, in any case, with or without diacritics, in any script or its Latin transliteration (`kyiv` finds `Київ`, `baki` finds `Bakı`). Results are ordered by relevance (title, then summary, then body), then recency, and each item gets its `highlight`. With `q`, paging is by `page` only (not `cursor`), up to the first 1000 matches; a query found in more than 1000 items is answered from its 1000 most recent matches.',
    schema: searchValue,
    example: 'kyiv',
  },
  Limit: {
    name: 'limit',
    in: 'query',
    description: `Items per page, from 1 to the server's maximum (${maxLimit} unless the operator changed \`feed.maxLimit\`). A larger value is refused with \`400\`, not clamped.`,
    schema: wholeNumber(maxLimit).default(5),
  },
  FeedLimit: {
    name: 'limit',
    in: 'query',
    description: `Items in the feed, from 1 to the server's maximum (${maxLimit}); a larger value is refused with \`400\`.`,
    schema: wholeNumber(maxLimit).default(20),
  },
  Page: {
    name: 'page',
    in: 'query',
    description: `Page number from 1 to ${MAX_PAGE}; use \`cursor\` to go further. Not with \`cursor\`.`,
    schema: wholeNumber(MAX_PAGE).default(1),
  },
  Cursor: {
    name: 'cursor',
    in: 'query',
    description:
      'The `nextCursor` of the previous answer of the same list (opaque). It never skips or repeats an item while content changes. Not with `page`.',
    schema: cursorValue,
  },
  When: {
    name: 'when',
    in: 'query',
    description:
      '`upcoming`: not yet ended, soonest first; `past`: ended, latest first; `all`: chronological.',
    schema: whenValue.default('upcoming'),
  },
  From: {
    name: 'from',
    in: 'query',
    description:
      'Keep events that end on or after this instant: an ISO 8601 date (`2025-05-15`, the start of that day in UTC) or a date-time with an offset (`2025-05-15T09:00:00+04:00`).',
    schema: DateOrDateTime,
  },
  To: {
    name: 'to',
    in: 'query',
    description:
      'Keep events that start on or before this instant: an ISO 8601 date (the end of that day in UTC) or a date-time with an offset. Not before `from`.',
    schema: DateOrDateTime,
  },
  EventId: {
    name: 'id',
    in: 'query',
    description:
      'One event by its id (a whole number on SQL databases, an ObjectId on MongoDB): the calendar of that event alone, `404` when it is not published.',
    schema: documentIdValue,
  },
  Metrics: {
    name: 'metrics',
    in: 'query',
    description:
      'Comma-separated metric keys, picked and ordered as given: built-in (`teachers`, `schools`, `projects`, `students`, `countries`) or custom keys that some snapshot uses.',
    schema: metricListValue,
    list: true,
    example: ['teachers', 'schools', 'projects'],
  },
  Metric: {
    name: 'metric',
    in: 'query',
    required: true,
    description: 'A built-in metric key or a custom key that some snapshot uses.',
    schema: metricKeyValue,
    example: 'projects',
  },
  Countries: {
    name: 'countries',
    in: 'query',
    required: true,
    description: `Comma-separated ISO 3166-1 alpha-2 codes, either case, 1 to ${MAX_COMPARE_COUNTRIES} of them; repeats are ignored. Unassigned codes are refused with \`400\` naming them.`,
    schema: countryListValue,
    list: true,
    example: ['AZ', 'UA', 'GE'],
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'An `ETag` from an earlier answer; a match gives `304` without a body.',
    schema: z.string(),
  },
  AcceptEncoding: {
    name: 'Accept-Encoding',
    in: 'header',
    description:
      '`br` is preferred over `gzip` when both are accepted; without it the body is not compressed.',
    schema: z.string(),
  },
})
