import type { TFunction } from '@payloadcms/translations'

import type { EtwTranslationKey } from '../translations'
import type { StatisticScope } from '../utilities/metrics'
import type { ImportColumn, RawRow } from './columns'

import { isCountryCode } from '../utilities/countries'
import { CUSTOM_METRIC_KEY, isBuiltInMetric, STATISTIC_SCOPES } from '../utilities/metrics'
import { normalizeDay, snapshotScopeKey } from '../utilities/snapshot'
import { translate } from '../utilities/translate'
import { isHttpUrl } from '../utilities/url'
import { IMPORT_COLUMNS } from './columns'

/** A spreadsheet row with its number as the spreadsheet shows it (the header is row 1). */
export interface NumberedRow {
  row: number
  cells: RawRow
}

/** The snapshot a valid row records, as the `statistics` collection stores it. */
export interface ImportedSnapshot {
  metric: string
  customKey: string | null
  value: number
  approximate: boolean
  asOf: string
  scope: StatisticScope
  country: string | null
  region: string | null
  organization: number | string | null
  source: { title: string | null; url: string | null }
  key: string
  scopeKey: string
}

/** `valid`: ready to import; `duplicate`: the same metric, scope and day is already stored; `invalid`: errors. */
export type RowStatus = 'duplicate' | 'invalid' | 'valid'

/** What the check found in one row. */
export interface RowResult {
  row: number
  status: RowStatus
  /** Why the row is invalid or a duplicate, in the reader's language; empty for a valid row. */
  messages: string[]
  snapshot?: ImportedSnapshot
}

/** What a row check needs to know besides the row. */
export interface ValidationContext {
  /** Organization ids by every way a file may name them (id, slug, short name, name), lower-cased. */
  organizations: ReadonlyMap<string, number | string>
  /**
   * Metrics (keys) an import may record; any built-in metric and any valid custom key when
   * `undefined`.
   */
  metrics?: readonly string[]
  t?: TFunction
}

/** Longest region and source title accepted, as a text field would hold them in a list. */
export const MAX_TEXT_LENGTH = 500

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['', false],
  ['0', false],
  ['1', true],
  ['false', false],
  ['true', true],
  ['no', false],
  ['yes', true],
  ['n', false],
  ['y', true],
  ['ні', false],
  ['так', true],
  ['xeyr', false],
  ['bəli', true],
])

const headerOf = (column: ImportColumn): string =>
  IMPORT_COLUMNS.find(({ id }) => id === column)?.header ?? column

/** A cell as trimmed text; dates as `YYYY-MM-DD`, numbers as written. */
const textOf = (value: unknown): string => {
  if (value === undefined || value === null) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString()
  return String(value).trim()
}

/** `4308`, `4 308`, `4,308` and `4308.5` as numbers; `undefined` for anything else. */
export const parseNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  let text = textOf(value).replace(/[\s\u00a0\u202f_]/g, '')
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '')
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return undefined
  const number = Number(text)
  return Number.isFinite(number) ? number : undefined
}

/**
 * A calendar day as stored (noon UTC): a date cell, `YYYY-MM-DD`, or an ISO date-time whose day
 * is taken; `undefined` for anything else, `2024-02-30` included.
 */
export const parseDay = (value: unknown): string | undefined => {
  if (value instanceof Date) return normalizeDay(value)
  const text = textOf(value)
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (!match) return undefined
  const [, year, month, day] = match
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12))
  return date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
    ? date.toISOString()
    : undefined
}

const inferScope = (cells: RawRow): StatisticScope => {
  if (textOf(cells.organization)) return 'organization'
  if (textOf(cells.region)) return 'region'
  if (textOf(cells.country)) return 'country'
  return 'programme'
}

/**
 * Checks one row and turns it into a snapshot: required fields, the metric (a built-in one or a
 * custom key, restricted to `context.metrics` when given), a number of 0 or more, a real day, a
 * scope with what it needs (country, region, an existing organization) and an http(s) source. A
 * blank scope is read from the filled scope fields. Every problem of the row is reported, not only
 * the first.
 */
export const validateRow = ({ cells, row }: NumberedRow, context: ValidationContext): RowResult => {
  const messages: string[] = []
  const say = (key: EtwTranslationKey, vars?: Record<string, number | string>) =>
    messages.push(translate(context.t, key, vars))
  const required = (column: ImportColumn) => {
    const text = textOf(cells[column])
    if (!text) say('importMissingField', { field: headerOf(column) })
    return text
  }

  const metricText = required('metric').toLowerCase()
  let metric = metricText
  let customKey: string | null = null
  if (metricText) {
    if (!isBuiltInMetric(metricText)) {
      if (CUSTOM_METRIC_KEY.test(metricText)) {
        metric = 'custom'
        customKey = metricText
      } else say('importUnknownMetric', { value: metricText })
    }
    if (context.metrics && !context.metrics.includes(metricText)) {
      say('importMetricNotAllowed', { allowed: context.metrics.join(', '), value: metricText })
    }
  }

  const valueText = required('value')
  const value = parseNumber(cells.value)
  if (valueText && value === undefined) say('importBadNumber', { value: valueText })
  if (value !== undefined && value < 0) say('importNegativeValue', { value: valueText })

  const approximateText = textOf(cells.approximate).toLowerCase()
  const approximate =
    typeof cells.approximate === 'boolean' ? cells.approximate : BOOLEAN_WORDS.get(approximateText)
  if (approximate === undefined) say('importBadBoolean', { value: approximateText })

  const asOfText = required('asOf')
  const asOf = asOfText ? parseDay(cells.asOf) : undefined
  if (asOfText && !asOf) say('importBadDate', { value: asOfText })

  const scopeText = textOf(cells.scope).toLowerCase()
  const scope = (scopeText || inferScope(cells)) as StatisticScope
  if (!(STATISTIC_SCOPES as readonly string[]).includes(scope)) {
    say('importUnknownScope', { value: scopeText })
  }

  const usesCountry = scope === 'country' || scope === 'region' || scope === 'organization'
  const countryText = textOf(cells.country).toUpperCase()
  const country = usesCountry && countryText ? countryText : null
  if ((scope === 'country' || scope === 'region') && !countryText) {
    say('importMissingField', { field: 'country' })
  }
  if (country && !isCountryCode(country)) say('importUnknownCountry', { value: countryText })

  const regionText = textOf(cells.region)
  const region = scope === 'region' ? regionText : null
  if (scope === 'region' && !regionText) say('importMissingField', { field: 'region' })
  if (region && region.length > MAX_TEXT_LENGTH) {
    say('importTooLong', { field: 'region', max: MAX_TEXT_LENGTH })
  }

  const organizationText = textOf(cells.organization)
  let organization: number | string | null = null
  if (scope === 'organization') {
    if (!organizationText) say('importMissingField', { field: 'organization' })
    else {
      organization = context.organizations.get(organizationText.toLowerCase()) ?? null
      if (organization === null) say('importUnknownOrganization', { value: organizationText })
    }
  }

  const title = textOf(cells.sourceTitle)
  if (title.length > MAX_TEXT_LENGTH) {
    say('importTooLong', { field: headerOf('sourceTitle'), max: MAX_TEXT_LENGTH })
  }
  const url = textOf(cells.sourceUrl)
  if (url && !isHttpUrl(url)) say('importBadUrl', { value: url })

  if (messages.length > 0) return { messages, row, status: 'invalid' }
  const scopeKey = snapshotScopeKey({ country, organization, region, scope })!
  return {
    messages,
    row,
    snapshot: {
      approximate: approximate!,
      asOf: asOf!,
      country,
      customKey,
      key: metricText,
      metric,
      organization,
      region,
      scope,
      scopeKey,
      source: { title: title || null, url: url || null },
      value: value!,
    },
    status: 'valid',
  }
}

/** The identity of a snapshot: two with the same one are the same figure. */
export const snapshotIdentity = (snapshot: Pick<ImportedSnapshot, 'asOf' | 'key' | 'scopeKey'>) =>
  `${snapshot.key}|${snapshot.scopeKey}|${snapshot.asOf.slice(0, 10)}`

/**
 * Checks every row ({@link validateRow}), then marks as `duplicate` the valid rows whose metric,
 * scope and day are in `existing` (identities from {@link snapshotIdentity}), and as `invalid`
 * a row that repeats an earlier row of the same file.
 */
export const validateRows = (
  rows: readonly NumberedRow[],
  context: ValidationContext,
  existing: ReadonlySet<string> = new Set(),
): RowResult[] => {
  const seen = new Map<string, number>()
  return rows.map((numbered) => {
    const result = validateRow(numbered, context)
    if (!result.snapshot) return result
    const identity = snapshotIdentity(result.snapshot)
    const earlier = seen.get(identity)
    if (earlier !== undefined) {
      return {
        messages: [translate(context.t, 'importDuplicateInFile', { row: earlier })],
        row: result.row,
        status: 'invalid',
      }
    }
    seen.set(identity, result.row)
    if (existing.has(identity)) {
      const { asOf, key, scopeKey } = result.snapshot
      return {
        ...result,
        messages: [
          translate(context.t, 'importDuplicateExisting', {
            date: asOf.slice(0, 10),
            metric: key,
            scope: scopeKey,
          }),
        ],
        status: 'duplicate',
      }
    }
    return result
  })
}
