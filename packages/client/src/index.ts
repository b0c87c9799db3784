export type * from './types'
export {
  buildQuery,
  createFeedClient,
  createFeedReader,
  FEED_PATH,
  FeedError,
  type FeedClient,
  type FeedClientOptions,
  type FeedReader,
  type RequestOptions,
} from './client'
export { applyLinkTemplate, LINK_PLACEHOLDERS, publicPagePath, type LinkValues } from './links'
