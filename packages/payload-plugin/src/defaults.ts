import type {
  EtwFeedOptions,
  EtwLocale,
  EtwPluginOptions,
  EtwStatisticsImportOptions,
  ResolvedEtwPluginOptions,
} from './types'

const definedOnly = (options: EtwStatisticsImportOptions = {}): EtwStatisticsImportOptions =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))

/** Content locales used when neither the options nor the host config name any. */
export const DEFAULT_LOCALES: EtwLocale[] = [
  { code: 'en', label: 'English' },
  { code: 'uk', label: 'Українська' },
  { code: 'az', label: 'Azərbaycanca' },
]

/** Default IANA time zone of events (eTwinning's central support service is in Brussels). */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels'

/** Default cron of the job runner: every minute. */
export const DEFAULT_JOBS_CRON = '* * * * *'

/** Caching and limits of the public feed API, as documented on {@link EtwFeedOptions}. */
export const DEFAULT_FEED_OPTIONS: Readonly<Required<EtwFeedOptions>> = Object.freeze({
  cacheMaxBytes: 32 * 1024 * 1024,
  cacheTtl: 60,
  maxAge: 60,
  maxLimit: 50,
  sMaxAge: 300,
  staleWhileRevalidate: 600,
})

/** The feed options with their defaults; `false` when the feed is off. */
export const applyFeedDefaults = (
  feed: EtwFeedOptions | false | undefined,
  disabled = false,
): Required<EtwFeedOptions> | false => {
  if (feed === false || disabled) return false
  const merged = { ...DEFAULT_FEED_OPTIONS }
  for (const [key, value] of Object.entries(feed ?? {}) as [keyof EtwFeedOptions, unknown][]) {
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`etwPlugin: feed.${key} must be a number ≥ 0`)
    }
    merged[key] = value
  }
  if (merged.maxLimit < 1) throw new TypeError('etwPlugin: feed.maxLimit must be at least 1')
  return merged
}

/** Limits of the statistics import, as documented on {@link EtwStatisticsImportOptions}. */
export const DEFAULT_STATISTICS_IMPORT = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 200,
  maxRows: 10_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
})

/** Applies the defaults documented on {@link EtwPluginOptions}. */
export const applyDefaults = (options: EtwPluginOptions = {}): ResolvedEtwPluginOptions => ({
  collections: options.collections ?? {},
  defaultLocale: options.defaultLocale ?? 'en',
  defaultTimeZone: options.defaultTimeZone ?? DEFAULT_TIME_ZONE,
  disabled: options.disabled ?? false,
  fallback: options.fallback ?? true,
  feed: applyFeedDefaults(options.feed, options.disabled),
  globals: options.globals ?? {},
  jobs: {
    autoRun: options.jobs?.autoRun ?? true,
    cron: options.jobs?.cron ?? DEFAULT_JOBS_CRON,
  },
  locales: options.locales && options.locales.length > 0 ? options.locales : DEFAULT_LOCALES,
  media: options.media ?? {},
  statisticsImport: { ...DEFAULT_STATISTICS_IMPORT, ...definedOnly(options.statisticsImport) },
  users: options.users ?? {},
})
