import type { CollectionConfig, GlobalConfig } from 'payload'

import type { LoginThrottleOptions } from './collections/Users/hooks/throttleLogin'

/** A content locale offered to editors. */
export type EtwLocale = {
  /** Locale code, a BCP 47 language tag, e.g. `'uk'` or `'ka'`. */
  code: string
  /** Name shown in the locale switcher: one string, or one per admin language. */
  label: Record<string, string> | string
}

/** Per-collection customisation. */
export type EtwCollectionOptions = {
  /**
   * Receives the generated collection and returns the one to use. Runs after every other option, so
   * it sees the final fields, hooks and access.
   * @default undefined
   */
  override?: (collection: CollectionConfig) => CollectionConfig
}

/** Caching and limits of the public feed API. Every option is optional. */
export type EtwFeedOptions = {
  /**
   * Seconds in the in-process cache of the feed. With several CMS instances, this bounds how long an
   * instance that did not receive a change keeps serving the previous content.
   * @default 60
   */
  cacheTtl?: number
  /**
   * Upper bound of the in-process cache in bytes (response bodies, compressed variants included);
   * the least recently used entries are dropped first.
   * @default 33554432 (32 MiB)
   */
  cacheMaxBytes?: number
  /**
   * `max-age` of `Cache-Control` on successful feed responses: seconds a browser reuses a response.
   * @default 60
   */
  maxAge?: number
  /**
   * Largest `limit` a list request may ask for; a larger one is answered with a 400 error.
   * @default 50
   */
  maxLimit?: number
  /**
   * `s-maxage` of `Cache-Control`: seconds a shared cache (CDN, reverse proxy) reuses a response.
   * @default 300
   */
  sMaxAge?: number
  /**
   * `stale-while-revalidate` of `Cache-Control`: seconds a cache may serve a stale response while
   * it fetches a fresh one.
   * @default 600
   */
  staleWhileRevalidate?: number
}

/** Options of {@link etwPlugin}. Every option is optional. */
export type EtwPluginOptions = {
  /**
   * Per-collection overrides, keyed by collection slug.
   * @default {}
   */
  collections?: {
    events?: EtwCollectionOptions
    media?: EtwCollectionOptions
    news?: EtwCollectionOptions
    organizations?: EtwCollectionOptions
    statistics?: EtwCollectionOptions
    users?: EtwCollectionOptions
    /** The delivery log of webhooks (`webhook-deliveries`). */
    webhookDeliveries?: EtwCollectionOptions
    /** Webhook endpoints (`webhook-endpoints`). */
    webhookEndpoints?: EtwCollectionOptions
  }
  /**
   * Default IANA time zone of new events.
   * @default 'Europe/Brussels'
   */
  defaultTimeZone?: string
  /**
   * Content locale used first, and for fallback. Used only when the host config has no `localization`.
   * @default 'en'
   */
  defaultLocale?: string
  /**
   * Keep the collections and globals (so the database schema stays the same) but add no hooks, no
   * job runner and no admin-user promotion. Access control and field validation still apply.
   * @default false
   */
  disabled?: boolean
  /**
   * Whether a missing translation falls back to the default locale. Used only when the host config
   * has no `localization`.
   * @default true
   */
  fallback?: boolean
  /**
   * Settings global customisation.
   * @default {}
   */
  globals?: {
    settings?: { override?: (global: GlobalConfig) => GlobalConfig }
  }
  /**
   * Job runner inside the CMS process, so scheduled publishing happens without another service.
   * @default { autoRun: true, cron: '* * * * *' }
   */
  jobs?: {
    /**
     * Run queued jobs (scheduled publish and unpublish) on a cron in every CMS process.
     * @default true
     */
    autoRun?: boolean
    /**
     * Cron expression of the runner; the default makes scheduled items go live within a minute.
     * @default '* * * * *'
     */
    cron?: string
  }
  /**
   * Public feed API (`/api/etw/v1/…` and `/api/health`): anonymous, read-only, cached JSON, RSS and
   * iCalendar. `false` adds neither the endpoints nor the hooks that clear the feed cache.
   * @default { maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600, cacheTtl: 60, cacheMaxBytes: 33554432, maxLimit: 50 }
   */
  feed?: EtwFeedOptions | false
  /**
   * Spreadsheet import of statistics snapshots (the admin's import on the statistics list and
   * `POST /api/statistics/import`) and the CSV export.
   * @default { maxBytes: 5242880, maxRows: 10000, maxUncompressedBytes: 52428800, maxEntries: 200 }
   */
  statisticsImport?: EtwStatisticsImportOptions
  /**
   * Content locales. Used only when the host config has no `localization`. Any BCP 47 language code
   * works (`ka`, `el`, `hy`, …): the feed accepts each as `locale`, formats numbers, dates and
   * country names in it, and marks every item with the locale its texts came in (this one, or
   * `defaultLocale` where an item has no translation). Localized fields get a column per locale, so
   * a change here needs a database migration.
   * @default [{ code: 'en', label: 'English' }, { code: 'uk', label: 'Українська' }, { code: 'az', label: 'Azərbaycanca' }]
   */
  locales?: EtwLocale[]
  /**
   * Media uploads.
   * @default {}
   */
  media?: {
    /**
     * Directory where uploaded files are stored; Payload's default (`media` next to the config) when unset.
     * @default undefined
     */
    staticDir?: string
  }
  /**
   * Users. When the host already defines this auth collection, the plugin adds `roles` and API keys to
   * it instead of adding its own `users` collection.
   * @default { collection: config.admin.user ?? 'users' }
   */
  users?: {
    /**
     * Slug of the auth collection that holds editors.
     * @default config.admin.user ?? 'users'
     */
    collection?: string
    /**
     * Throttling of login and forgot-password per client address (the `x-etw-client-address` header
     * the CMS server sets), on top of Payload's per-account lockout. `false` turns it off.
     * @default { attempts: 10, windowSeconds: 900 } in this process's memory
     */
    loginThrottle?: LoginThrottleOptions | false
  }
}

/** Options after defaults are applied. */
export type ResolvedEtwPluginOptions = Required<
  Pick<EtwPluginOptions, 'defaultLocale' | 'defaultTimeZone' | 'disabled' | 'fallback' | 'locales'>
> & {
  collections: NonNullable<EtwPluginOptions['collections']>
  /** `false` when the feed is off (`feed: false` or `disabled`). */
  feed: Required<EtwFeedOptions> | false
  globals: NonNullable<EtwPluginOptions['globals']>
  jobs: Required<NonNullable<EtwPluginOptions['jobs']>>
  media: NonNullable<EtwPluginOptions['media']>
  statisticsImport: Required<Omit<EtwStatisticsImportOptions, 'metrics'>> &
    Pick<EtwStatisticsImportOptions, 'metrics'>
  users: NonNullable<EtwPluginOptions['users']>
}

/** Limits and rules of the statistics spreadsheet import. */
export interface EtwStatisticsImportOptions {
  /**
   * Largest file, in bytes; a larger one is refused with 413.
   * @default 5242880 (5 MiB)
   */
  maxBytes?: number
  /**
   * Most data rows in one file; a longer one is refused with 400.
   * @default 10000
   */
  maxRows?: number
  /**
   * Most bytes an XLSX file (a zip archive) may expand to; a larger one is refused with 400
   * before it is unpacked.
   * @default 52428800 (50 MiB)
   */
  maxUncompressedBytes?: number
  /**
   * Most parts (files) in an XLSX archive.
   * @default 200
   */
  maxEntries?: number
  /**
   * Metric keys an import may record (built-in ones such as `teachers` and custom keys such as
   * `partner-schools`); any built-in metric and any well-formed custom key when unset.
   * @default undefined
   */
  metrics?: string[]
}
