import type {
  Scope,
  StatMetric,
  StatPoint,
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
import { parseCountry, parseLocale, parseMetricKey, parseMetricList, parseSlug } from './params'
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

/** A statistics snapshot as the feed reads it. */
export type Snapshot = {
  approximate?: boolean | null
  asOf?: string | null
  id: number | string
  key?: string | null
  label?: string | null
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
  const unknown = custom.find((_key, index) => counts[index]?.docs.length === 0)
  if (unknown !== undefined) {
    throw invalidParameter(parameter, `No statistics exist for the metric "${unknown}".`)
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
    select: { approximate: true, asOf: true, key: true, label: true, source: true, value: true },
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
    for (const snapshot of snapshots) {
      if (snapshot.key && !latest.has(snapshot.key)) latest.set(snapshot.key, snapshot)
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
