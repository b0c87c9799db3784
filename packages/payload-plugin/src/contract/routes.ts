import * as z from 'zod'

import type { FeedRoute } from '../feed/routes'
import type { ParameterSettings } from './parameters'

import { parameterDefinitions } from './parameters'
import { Locale, NAMED_SCHEMAS } from './schemas'

/**
 * The parameters each feed route takes, by component name: the routes accept exactly these query
 * parameters, and the client's query types are made of them.
 */
export const ROUTE_PARAMETERS = {
  eventItem: ['Locale'],
  events: ['When', 'From', 'To', 'Limit', 'Page', 'Cursor', 'Locale', 'Country', 'Query'],
  eventsIcs: ['EventId', 'When', 'From', 'To', 'FeedLimit', 'Locale', 'Country'],
  health: [],
  news: ['Limit', 'Page', 'Cursor', 'Locale', 'Country', 'Organization', 'Tag', 'Query'],
  newsItem: ['Locale'],
  newsRss: ['FeedLimit', 'Locale', 'Country', 'Organization', 'Tag'],
  stats: ['Country', 'Organization', 'Metrics', 'Locale'],
  statsHistory: ['Metric', 'Country', 'Organization', 'Locale'],
  statsCompare: ['Metric', 'Countries', 'Locale'],
} as const satisfies Record<FeedRoute, readonly string[]>

// Names do not depend on the settings.
const definitions = parameterDefinitions({ defaultLocale: 'en', locales: ['en'], maxLimit: 1 })

/** The query parameter names `route` takes, sorted. */
export const routeParameters = (route: FeedRoute): readonly string[] =>
  ROUTE_PARAMETERS[route]
    .map((key: string) => definitions[key]!)
    .filter((definition) => definition.in === 'query')
    .map((definition) => definition.name)
    .sort()

/** The client's query types, by type name: the route each describes, and what it is for. */
export const CLIENT_QUERIES = {
  EventsQuery: ['events', 'Query parameters of `events` and `events.ics`.'],
  ItemQuery: [
    'newsItem',
    'Query parameters of the single-item routes `news/{slug}` and `events/{slug}`.',
  ],
  NewsQuery: ['news', 'Query parameters of `news` and `news.rss` (`q` on `news` only).'],
  StatsCompareQuery: ['statsCompare', 'Query parameters of `stats/compare`.'],
  StatsHistoryQuery: ['statsHistory', 'Query parameters of `stats/history`.'],
  StatsQuery: ['stats', 'Query parameters of `stats`.'],
} as const satisfies Record<string, readonly [FeedRoute, string]>

/**
 * The client's query types as schemas: each route's parameters as optional properties (required
 * ones required), with any locale (a client talks to CMSs of any configuration).
 */
export const clientQuerySchemas = (settings: ParameterSettings): [string, z.ZodType][] => {
  const all = parameterDefinitions(settings)
  const namedSchemas = new Set(NAMED_SCHEMAS.map(([, schema]) => schema))
  return Object.entries(CLIENT_QUERIES).map(([name, [route, description]]) => {
    const shape: Record<string, z.ZodType> = {}
    for (const key of ROUTE_PARAMETERS[route] as readonly string[]) {
      const definition = all[key]!
      if (definition.in !== 'query') continue
      const value = key === 'Locale' ? Locale : definition.schema
      // A named schema stays a reference to its type; the others carry the parameter's text.
      const schema = namedSchemas.has(value)
        ? value
        : value.meta({ description: definition.description })
      shape[definition.name] = definition.required ? schema : schema.optional()
    }
    return [name, z.object(shape).meta({ description })]
  })
}
