import type {
  Scope,
  StatCountry,
  StatMetric,
  StatPoint,
  StatPrevious,
  StatsCompareResponse,
  StatsHistoryResponse,
  StatsResponse,
  Source,
} from '@etw/client'
import type { Payload, TypedLocale, Where } from 'payload'

import type { NormalizedParams, RouteContext, RouteHandler } from './handler'

import { STATISTICS_SLUG } from '../slugs'
import { BUILT_IN_METRICS, isBuiltInMetric, metricLabel } from '../utilities/metrics'
import { formatDate, formatNumber } from './format'
import { invalidParameter } from './errors'
import { jsonBody } from './handler'
import {
  parseCountry,
  parseCountryList,
  parseLocale,
  parseMetricKey,
  parseMetricList,
  parseSlug,
} from './params'
import { organizationIdBySlug } from './relations'
import { routeParameters } from '../contract/routes'

/** Most snapshots one statistics request reads; a history shows at most this many latest points. */
export const MAX_SNAPSHOTS = 1000

/** Parameters of `stats`. */
export interface StatsParams {
  country: string | undefined
  organization: string | undefined
  metrics: string[] | undefined
  locale: string
}

/** Parameters of `stats/history`. */
export interface StatsHistoryParams {
  country: string | undefined
  organization: string | undefined
  metric: string
  locale: string
}

/** Parameters of `stats/compare`. */
export interface StatsCompareParams {
  countries: string[]
  metric: string
  locale: string
}

/** A statistics snapshot as the feed reads it. */
export type Snapshot = {
  approximate?: boolean | null
  asOf?: string | null
  id: number | string
  key?: string | null
  label?: string | null
  scopeKey?: string | null
  source?: { title?: string | null; url?: string | null } | null
  value?: number | null
}

const parseScope = (query: ReadonlyMap<string, string>) => {
  const country = parseCountry(query.get('country'))
  const organization = parseSlug('organization', query.get('organization'))
  if (country && organization) {
    throw invalidParameter(
      'organization',
      'Give "country" or "organization", not both: a statistic has one scope.',
    )
  }
  return { country, organization }
}

/** The scope of the request and the `scopeKey` snapshots are stored under. */
const resolveScope = async (
  payload: Payload,
  { country, organization }: { country?: string; organization?: string },
): Promise<{ scope: Scope; scopeKey: string }> => {
  if (country) return { scope: { kind: 'country', country }, scopeKey: `country:${country}` }
  if (organization) {
    const id = await organizationIdBySlug(payload, organization)
    return { scope: { kind: 'organization', organization }, scopeKey: `organization:${id}` }
  }
  return { scope: { kind: 'programme' }, scopeKey: 'programme' }
}

/** Refuses custom metric keys that no snapshot uses, in any scope. */
const refuseUnknownMetrics = async (
  payload: Payload,
  keys: readonly string[],
  parameter: string,
): Promise<void> => {
  const custom = keys.filter((key) => !isBuiltInMetric(key))
  const counts = await Promise.all(
    custom.map((key) =>
      payload.find({
        collection: STATISTICS_SLUG,
        depth: 0,
        limit: 1,
        overrideAccess: false,
        pagination: false,
        select: { key: true },
        where: { key: { equals: key } },
      }),
    ),
  )
  const unknown = custom.filter((_key, index) => counts[index]?.docs.length === 0)
  if (unknown.length === 1) {
    throw invalidParameter(parameter, `No statistics exist for the metric "${unknown[0]}".`)
  }
  if (unknown.length > 1) {
    const names = unknown.map((key) => `"${key}"`).join(', ')
    throw invalidParameter(parameter, `No statistics exist for the metrics ${names}.`)
  }
}

const readSnapshots = async (
  payload: Payload,
  where: Where,
  locale: string,
  sort: string[],
): Promise<Snapshot[]> => {
  const { docs } = await payload.find({
    collection: STATISTICS_SLUG,
    depth: 0,
    limit: MAX_SNAPSHOTS,
    locale: locale as TypedLocale,
    overrideAccess: false,
    pagination: false,
    select: {
      approximate: true,
      asOf: true,
      key: true,
      label: true,
      scopeKey: true,
      source: true,
      value: true,
    },
    sort,
    where,
  })
  return docs as unknown as Snapshot[]
}

const day = (value: string | null | undefined): string =>
  value ? new Date(value).toISOString().slice(0, 10) : ''

const sourceOf = (snapshot: Snapshot): Source | null => {
  const title = snapshot.source?.title || null
  const url = snapshot.source?.url || null
  return title || url ? { title, url } : null
}

/** The name of a metric in `locale`: built-in metrics translated, custom ones by their label. */
export const labelOf = (key: string, locale: string, snapshot?: Snapshot): string =>
  isBuiltInMetric(key) ? metricLabel(key, locale) : snapshot?.label || key

/** A snapshot as one point of the feed's series. */
export const point = (snapshot: Snapshot): StatPoint => ({
  approximate: snapshot.approximate === true,
  asOf: day(snapshot.asOf),
  source: sourceOf(snapshot),
  value: snapshot.value ?? 0,
})

/** Built-in metrics in counter order, then custom keys alphabetically. */
export const compareMetricKeys = (a: string, b: string): number => {
  const rank = (key: string) => {
    const index = (BUILT_IN_METRICS as readonly string[]).indexOf(key)
    return index === -1 ? BUILT_IN_METRICS.length : index
  }
  return rank(a) - rank(b) || a.localeCompare(b)
}

/**
 * `GET /api/etw/v1/stats`: the latest snapshot of each metric for a scope (`country`,
 * `organization` or the whole programme). `metrics` picks and orders metrics; metrics without a
 * snapshot in the scope are left out.
 */
export const statsRoute: RouteHandler<StatsParams> = {
  parameters: routeParameters('stats'),
  parse: (query, context) => ({
    ...parseScope(query),
    locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
    metrics: parseMetricList(query.get('metrics')),
  }),
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, { payload }) => {
    const { scope, scopeKey } = await resolveScope(payload, params)
    if (params.metrics) await refuseUnknownMetrics(payload, params.metrics, 'metrics')
    const where: Where = {
      and: [
        { scopeKey: { equals: scopeKey } },
        ...(params.metrics ? [{ key: { in: params.metrics } }] : []),
      ],
    }
    const snapshots = await readSnapshots(payload, where, params.locale, ['-asOf', '-id'])
    const latest = new Map<string, Snapshot>()
    const previous = new Map<string, StatPrevious>()
    for (const snapshot of snapshots) {
      if (!snapshot.key) continue
      const first = latest.get(snapshot.key)
      if (!first) latest.set(snapshot.key, snapshot)
      else if (!previous.has(snapshot.key) && day(snapshot.asOf) < day(first.asOf)) {
        const value = snapshot.value ?? 0
        const asOf = day(snapshot.asOf)
        previous.set(snapshot.key, {
          value,
          asOf,
          formatted: {
            value: formatNumber(params.locale, value),
            asOf: formatDate(params.locale, asOf),
          },
        })
      }
    }
    const keys = params.metrics
      ? params.metrics.filter((key) => latest.has(key))
      : [...latest.keys()].sort(compareMetricKeys)
    const metrics: StatMetric[] = keys.map((key) => {
      const snapshot = latest.get(key) as Snapshot
      const figure = point(snapshot)
      return {
        key,
        label: labelOf(key, params.locale, snapshot),
        ...figure,
        formatted: {
          asOf: formatDate(params.locale, figure.asOf),
          value: formatNumber(params.locale, figure.value),
        },
        previous: previous.get(key) ?? null,
      }
    })
    const response: StatsResponse = { locale: params.locale, metrics, scope }
    return jsonBody(response)
  },
}

/** `GET /api/etw/v1/stats/history`: every snapshot of one `metric` for a scope, oldest first. */
export const statsHistoryRoute: RouteHandler<StatsHistoryParams> = {
  parameters: routeParameters('statsHistory'),
  parse: (query, context: RouteContext) => {
    const metric = query.get('metric')
    if (metric === undefined) {
      throw invalidParameter('metric', '"metric" is required, e.g. metric=projects.')
    }
    return {
      ...parseScope(query),
      locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
      metric: parseMetricKey('metric', metric),
    }
  },
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, { payload }) => {
    const { scope, scopeKey } = await resolveScope(payload, params)
    await refuseUnknownMetrics(payload, [params.metric], 'metric')
    const where: Where = {
      and: [{ scopeKey: { equals: scopeKey } }, { key: { equals: params.metric } }],
    }
    // Newest first, so that a very long history keeps its latest points; shown oldest first.
    const snapshots = (
      await readSnapshots(payload, where, params.locale, ['-asOf', '-id'])
    ).reverse()
    const response: StatsHistoryResponse = {
      locale: params.locale,
      metric: {
        key: params.metric,
        label: labelOf(params.metric, params.locale, snapshots.at(-1)),
      },
      points: snapshots.map(point),
      scope,
    }
    return jsonBody(response)
  },
}

/**
 * The latest snapshot of `metric` per scope key, for the `scopeKeys` asked for: one read of the
 * newest snapshots, then one read per scope the first did not reach (a long history elsewhere can
 * fill the first read's limit).
 */
const latestPerScope = async (
  payload: Payload,
  metric: string,
  scopeKeys: readonly string[],
  locale: string,
): Promise<Map<string, Snapshot>> => {
  const where = (keys: readonly string[]): Where => ({
    and: [{ key: { equals: metric } }, { scopeKey: { in: keys } }],
  })
  const snapshots = await readSnapshots(payload, where(scopeKeys), locale, ['-asOf', '-id'])
  const latest = new Map<string, Snapshot>()
  for (const snapshot of snapshots) {
    if (snapshot.scopeKey && !latest.has(snapshot.scopeKey)) latest.set(snapshot.scopeKey, snapshot)
  }
  if (snapshots.length < MAX_SNAPSHOTS) return latest
  const unread = scopeKeys.filter((scopeKey) => !latest.has(scopeKey))
  const more = await Promise.all(
    unread.map(async (scopeKey) => {
      const { docs } = await payload.find({
        collection: STATISTICS_SLUG,
        depth: 0,
        limit: 1,
        locale: locale as TypedLocale,
        overrideAccess: false,
        pagination: false,
        select: { approximate: true, asOf: true, source: true, value: true },
        sort: ['-asOf', '-id'],
        where: where([scopeKey]),
      })
      return [scopeKey, docs[0] as unknown as Snapshot | undefined] as const
    }),
  )
  for (const [scopeKey, snapshot] of more) if (snapshot) latest.set(scopeKey, snapshot)
  return latest
}

/**
 * `GET /api/etw/v1/stats/compare`: the latest snapshot of one `metric` in each of `countries`,
 * highest value first; countries without one are listed in `missing`.
 */
export const statsCompareRoute: RouteHandler<StatsCompareParams> = {
  parameters: routeParameters('statsCompare'),
  parse: (query, context: RouteContext) => {
    const metric = query.get('metric')
    if (metric === undefined) {
      throw invalidParameter('metric', '"metric" is required, e.g. metric=teachers.')
    }
    const countries = query.get('countries')
    if (countries === undefined) {
      throw invalidParameter('countries', '"countries" is required, e.g. countries=AZ,UA,GE.')
    }
    return {
      countries: parseCountryList('countries', countries),
      locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
      metric: parseMetricKey('metric', metric),
    }
  },
  normalize: (params): NormalizedParams => ({ ...params }),
  produce: async (params, { payload }) => {
    await refuseUnknownMetrics(payload, [params.metric], 'metric')
    const scopeKeys = params.countries.map((country) => `country:${country}`)
    const latest = await latestPerScope(payload, params.metric, scopeKeys, params.locale)
    const countries: StatCountry[] = []
    const missing: string[] = []
    for (const country of params.countries) {
      const snapshot = latest.get(`country:${country}`)
      if (snapshot) countries.push({ country, ...point(snapshot) })
      else missing.push(country)
    }
    countries.sort((a, b) => b.value - a.value || a.country.localeCompare(b.country))
    const newest = [...latest.values()].sort((a, b) => day(b.asOf).localeCompare(day(a.asOf)))[0]
    const response: StatsCompareResponse = {
      countries,
      locale: params.locale,
      metric: { key: params.metric, label: labelOf(params.metric, params.locale, newest) },
      missing,
    }
    return jsonBody(response)
  },
}
