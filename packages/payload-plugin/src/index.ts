export { etwPlugin } from './plugin'
export type { EtwCollectionOptions, EtwFeedOptions, EtwLocale, EtwPluginOptions } from './types'

export { getFeed } from './feed/feed'
export { checkHealth } from './feed/health'
export type { Feed, FeedChange, FeedChangeListener, FeedRequest, FeedResponse } from './feed/types'

export { graphQLCacheControl } from './graphql'

export { negotiateEncoding } from './feed/compression'
export type { ContentCoding } from './feed/compression'
export { bodyHash, entityTag, ifNoneMatchMatches } from './feed/etag'
export { fileHash, MEDIA_PATH, mediaUrl, parseMediaPath } from './feed/http/media'
export { staticDirOf, VARIANT_FORMATS, variantName } from './collections/Media/hooks/imageVariants'

export {
  AUDIT_LOG_SLUG,
  EVENTS_SLUG,
  MEDIA_SLUG,
  NEWS_SLUG,
  ORGANIZATIONS_SLUG,
  SETTINGS_SLUG,
  STATISTICS_SLUG,
  USERS_SLUG,
  WEBHOOK_DELIVERIES_SLUG,
  WEBHOOK_ENDPOINTS_SLUG,
} from './slugs'

export { hasRole, isAdmin, isContributor, isEditor, ROLES, TEAM_ROLES } from './access/roles'
export type { Role } from './access/roles'

export { METRICS, STATISTIC_SCOPES } from './utilities/metrics'
export type { Metric, StatisticScope } from './utilities/metrics'

export { COUNTRY_CODES, countryName, isCountryCode } from './utilities/countries'
export { slugify, slugify as transliterateSlug } from './utilities/slugify'
export { isTimeZone } from './utilities/timeZone'
export { isHttpUrl } from './utilities/url'
export { snapshotKey, snapshotScopeKey } from './utilities/snapshot'

export { EVENT_FORMATS, EVENT_KINDS } from './collections/Events'
export { ORGANIZATION_KINDS } from './collections/Organizations'
export { PREVIOUS_FIGURE_FIELD } from './collections/Statistics'

export { AUDIT_ACTIONS } from './collections/AuditLog'
export type { AuditAction } from './collections/AuditLog'
export { CLIENT_ADDRESS_HEADER } from './utilities/clientAddress'
export { readBodyWithin } from './utilities/readBodyWithin'
export { boundQueries, MAX_QUERY_LIMIT, MAX_QUERY_PAGE } from './hooks/boundQueries'
export {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './collections/Users/hooks/enforcePasswordPolicy'
export { DEFAULT_LOGIN_THROTTLE } from './collections/Users/hooks/throttleLogin'
export type { LoginThrottleOptions } from './collections/Users/hooks/throttleLogin'

export { planSchedule, ScheduleRefused } from './scheduling/plan'
export type { SchedulePlan } from './scheduling/plan'
export { findScheduleFailures } from './scheduling/failures'
export type { ScheduleFailure } from './scheduling/failures'
export { translate as translateEtw } from './utilities/translate'
export { etwLanguages, etwString, etwTranslationsOf, intlLocaleOf } from './translations'
export type { EtwTranslationKey, EtwTranslations } from './translations'
export { etwText } from './utilities/labels'
export type { EtwLabel } from './utilities/labels'
export {
  DELIVER_WEBHOOK_TASK,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_COLLECTIONS,
  WEBHOOK_EVENTS,
  WEBHOOK_RETRY_DELAY_MS,
  WEBHOOK_TIMEOUT_MS,
} from './webhooks/events'
export type { WebhookCollection, WebhookEvent } from './webhooks/events'
export { isPublicAddress } from './webhooks/address'
export type { WebhookMessage } from './webhooks/message'
export { signPreviewToken, verifyPreviewToken, PREVIEW_TOKEN_TTL } from './preview/token'
export type { PreviewClaims } from './preview/token'
export { PREVIEW_PATH } from './preview/routes'

export { fold, indexText, queryTerms } from './search/fold'
export { highlight, matchRanges } from './search/highlight'
export {
  POSTGRES_SEARCH_DROP,
  POSTGRES_SEARCH_RETIRED,
  POSTGRES_SEARCH_SCHEMA,
} from './search/postgres'
export {
  SQLITE_SEARCH_DROP,
  SQLITE_SEARCH_PREFIXES,
  SQLITE_SEARCH_SCHEMA,
  sqliteSearchPrefixes,
} from './search/sqlite'
export { SEARCH_CANDIDATES, searchStore } from './search/store'
export type { IndexedDoc, SearchRow, SearchStore } from './search/store'
export {
  ensureSearchIndex,
  indexDocument,
  MAX_SEARCH_HITS,
  REINDEX_SEARCH_TASK,
  reindexSearch,
  searchIds,
} from './search'
export type { ReindexOptions, ReindexResult, SearchableCollection, SearchOptions } from './search'
