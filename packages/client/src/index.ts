export type * from './types'
export {
  buildQuery,
  createFeedClient,
  FEED_PATH,
  FeedError,
  type FeedClient,
  type FeedClientOptions,
  type RequestOptions,
} from './client'
export { applyLinkTemplate, LINK_PLACEHOLDERS, publicPagePath, type LinkValues } from './links'
