import type { EtwLocale, EtwPluginOptions, ResolvedEtwPluginOptions } from './types'

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

/** Applies the defaults documented on {@link EtwPluginOptions}. */
export const applyDefaults = (options: EtwPluginOptions = {}): ResolvedEtwPluginOptions => ({
  collections: options.collections ?? {},
  defaultLocale: options.defaultLocale ?? 'en',
  defaultTimeZone: options.defaultTimeZone ?? DEFAULT_TIME_ZONE,
  disabled: options.disabled ?? false,
  fallback: options.fallback ?? true,
  globals: options.globals ?? {},
  jobs: {
    autoRun: options.jobs?.autoRun ?? true,
    cron: options.jobs?.cron ?? DEFAULT_JOBS_CRON,
  },
  locales: options.locales && options.locales.length > 0 ? options.locales : DEFAULT_LOCALES,
  media: options.media ?? {},
  users: options.users ?? {},
})
