import type { Config } from 'payload'

import type { FeedOptions } from '../feed/options'

import { cacheControl } from '../feed/http'
import { readFeedOptions } from '../feed/options'
import { DEFAULT_FEED_OPTIONS } from '../defaults'
import { accessQueryAnsweringFalse } from './access'
import { priceListQueries } from './cost'
import { describeCollectionTypes } from './describe'
import { describeOperations } from './operations'
import { feedQueries } from './queries'

/**
 * The config with the plugin's GraphQL additions: the consumer queries of {@link feedQueries} next
 * to the host's own custom queries (the host's win on a name clash), descriptions on the collection
 * types ({@link describeCollectionTypes}) and on the root operations ({@link describeOperations}),
 * list queries priced by their length
 * ({@link priceListQueries}) and an `Access` query that answers `canAccessAdmin: false`
 * ({@link accessQueryAnsweringFalse}). Both run wherever Payload builds the schema:
 * the GraphQL route, `payload generate:graphQLSchema` and the project's schema printer.
 */
export const withGraphQL = (config: Config): Config => {
  const hostQueries = config.graphQL?.queries
  return {
    ...config,
    graphQL: {
      ...config.graphQL,
      queries: (GraphQL, context) => {
        describeCollectionTypes(context)
        describeOperations(context)
        priceListQueries(context)
        const access = accessQueryAnsweringFalse(context)
        return {
          ...(access ? { Access: access } : {}),
          ...feedQueries(GraphQL, context.config),
          ...(hostQueries ? hostQueries(GraphQL, context) : {}),
        }
      },
    },
  }
}

/**
 * The `Cache-Control` value for anonymous GraphQL reads over GET: the feed's `maxAge`, `sMaxAge` and
 * `staleWhileRevalidate` (their defaults when the feed is off).
 */
export const graphQLCacheControl = (config: Parameters<typeof readFeedOptions>[0]): string => {
  const feed: FeedOptions = readFeedOptions(config)
  return cacheControl(feed === false ? DEFAULT_FEED_OPTIONS : feed)
}
