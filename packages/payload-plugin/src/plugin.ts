import type { CollectionConfig, Config, GlobalConfig, JobsConfig, TaskConfig } from 'payload'

import { az } from '@payloadcms/translations/languages/az'
import { en } from '@payloadcms/translations/languages/en'
import { uk } from '@payloadcms/translations/languages/uk'
import { deepMergeSimple } from 'payload/shared'

import type { EtwPluginOptions, ResolvedEtwPluginOptions } from './types'

import { generateAuditLogCollection } from './collections/AuditLog'
import { withAuditTrail } from './collections/AuditLog/hooks/auditTrail'
import { generateEventsCollection } from './collections/Events'
import { generateMediaCollection } from './collections/Media'
import { generateNewsCollection } from './collections/News'
import { generateOrganizationsCollection } from './collections/Organizations'
import { generateStatisticsCollection } from './collections/Statistics'
import { augmentUsersCollection, generateUsersCollection } from './collections/Users'
import { applyDefaults } from './defaults'
import { feedEndpoints } from './feed/endpoints'
import { withFeedInvalidation, withGlobalFeedInvalidation } from './feed/hooks'
import { storeFeedOptions } from './feed/options'
import { generateSettingsGlobal } from './globals/Settings'
import { withGraphQL } from './graphql'
import { describeTypes } from './graphql/describeTypes'
import { USERS_SLUG } from './slugs'
import {
  boundPayloadCollections,
  QUERY_LOGGING_LEVELS,
  withBoundQueries,
} from './hooks/boundQueries'
import { withHiddenUnreadableLinks } from './hooks/hideUnreadableLinks'
import { ensureSearchIndex, withSearchIndex } from './search'
import { reindexSearchTask } from './search/task'
import { withLivePreview } from './preview/livePreview'
import { previewEndpoints } from './preview/routes'
import { guardScheduleQueue } from './scheduling/guardQueue'
import {
  generateWebhookDeliveriesCollection,
  generateWebhookEndpointsCollection,
} from './webhooks/collections'
import { deliverWebhookTask } from './webhooks/deliver'
import { redeliverEndpoint } from './webhooks/redeliver'
import { withWebhooks } from './webhooks/trigger'
import { generateSchedulePublishTask } from './scheduling/task'
import { etwI18nTranslations } from './translations'
import {
  generateStatisticsImportsCollection,
  importStatisticsTask,
  withStatisticsImport,
} from './statistics-import'

type CollectionKey = keyof NonNullable<EtwPluginOptions['collections']>

const override = (
  options: ResolvedEtwPluginOptions,
  key: CollectionKey,
  collection: CollectionConfig,
): CollectionConfig => options.collections[key]?.override?.(collection) ?? collection

/** With the audit trail's hooks unless the plugin is disabled. */
const audited = (options: ResolvedEtwPluginOptions, collection: CollectionConfig) =>
  options.disabled ? collection : withAuditTrail(collection)

/**
 * A content collection: with the hooks that clear the feed cache when the feed is on and those of
 * the audit trail, then overridden.
 */
const content = (
  options: ResolvedEtwPluginOptions,
  key: Exclude<CollectionKey, 'users' | 'webhookDeliveries' | 'webhookEndpoints'>,
  collection: CollectionConfig,
): CollectionConfig => {
  const previewed =
    !options.disabled && options.feed && (key === 'news' || key === 'events')
      ? withLivePreview(collection)
      : collection
  const announced =
    !options.disabled && (key === 'news' || key === 'events' || key === 'statistics')
      ? withWebhooks(previewed as CollectionConfig & { slug: typeof key })
      : previewed
  const searched =
    !options.disabled && (key === 'news' || key === 'events')
      ? withSearchIndex(announced)
      : announced
  return override(
    options,
    key,
    audited(options, options.feed ? withFeedInvalidation(searched) : searched),
  )
}

const withJobs = (
  jobs: JobsConfig | undefined,
  options: ResolvedEtwPluginOptions,
  tasks: TaskConfig[],
): JobsConfig => {
  const base: JobsConfig = { ...jobs, tasks: [...(jobs?.tasks ?? []), ...tasks] }
  if (options.disabled || !options.jobs.autoRun) return base

  const ours = { cron: options.jobs.cron, limit: 100, queue: 'default' }
  const hostAutoRun = jobs?.autoRun
  const hostShouldAutoRun = jobs?.shouldAutoRun
  return {
    ...base,
    autoRun:
      typeof hostAutoRun === 'function'
        ? async (payload) => [...(await hostAutoRun(payload)), ours]
        : [...(hostAutoRun ?? []), ours],
    // The host decides; without a host rule, `next build` must not process jobs.
    shouldAutoRun: async (payload) =>
      hostShouldAutoRun
        ? hostShouldAutoRun(payload)
        : process.env.NEXT_PHASE !== 'phase-production-build',
  }
}

/**
 * Adds the eTwinning content model to a Payload config: news, events, statistics, organizations,
 * media and users collections, an audit trail (`audit-log`), webhooks (`webhook-endpoints` and their
 * delivery log `webhook-deliveries`), the `etw-settings` global, locales, admin translations, the job
 * runner that carries out scheduled publishing and webhook deliveries, and the public feed (`/api/etw/v1/…`,
 * `/api/health`) with the hooks that keep its cache fresh. The host's own collections, globals,
 * endpoints, jobs, `onInit` and translations are kept.
 */
export const etwPlugin =
  (pluginOptions: EtwPluginOptions = {}) =>
  (config: Config): Config => {
    const options = applyDefaults(pluginOptions)
    const hostCollections = config.collections ?? []

    const usersSlug = options.users.collection ?? config.admin?.user ?? USERS_SLUG
    const hostUsers = hostCollections.find((collection) => collection.slug === usersSlug)

    const collections = hostCollections.map((collection) =>
      collection === hostUsers
        ? override(options, 'users', audited(options, augmentUsersCollection(collection, options)))
        : collection,
    )
    collections.push(
      content(options, 'news', generateNewsCollection(options)),
      content(options, 'events', generateEventsCollection(options)),
      content(
        options,
        'statistics',
        withStatisticsImport(options, generateStatisticsCollection(options)),
      ),
      content(options, 'organizations', generateOrganizationsCollection(options)),
      content(options, 'media', generateMediaCollection(options)),
    )
    if (!hostUsers) {
      collections.push(
        override(options, 'users', audited(options, generateUsersCollection(options, usersSlug))),
      )
    }
    collections.push(generateAuditLogCollection(usersSlug))
    collections.push(generateStatisticsImportsCollection(usersSlug))
    const deliveries = generateWebhookDeliveriesCollection()
    collections.push(
      override(options, 'webhookEndpoints', generateWebhookEndpointsCollection(options.disabled)),
      override(options, 'webhookDeliveries', {
        ...deliveries,
        endpoints: options.disabled ? [] : [redeliverEndpoint],
      }),
    )

    const settings = generateSettingsGlobal(options)
    const globals: GlobalConfig[] = [
      ...(config.globals ?? []),
      options.feed
        ? withGlobalFeedInvalidation(options.globals.settings?.override?.(settings) ?? settings)
        : (options.globals.settings?.override?.(settings) ?? settings),
    ]

    const authCollections = collections
      .filter((collection) => Boolean(collection.auth))
      .map(({ slug }) => slug)
    const tasks: TaskConfig[] = options.disabled
      ? []
      : [
          generateSchedulePublishTask(collections, globals, authCollections) as TaskConfig,
          deliverWebhookTask,
          importStatisticsTask,
          reindexSearchTask,
        ]
    const hostOnInit = config.onInit
    const supportedLanguages = config.i18n?.supportedLanguages ?? { az, en, uk }
    const known = new Set(collections.map((collection) => collection.slug))

    return storeFeedOptions(
      {
        ...(options.disabled ? config : withGraphQL(config)),
        admin: {
          ...config.admin,
          user: config.admin?.user ?? usersSlug,
        },
        // The plugin's collections (users included): REST and GraphQL lists are bounded, and no
        // link gives away an unpublished document. Other host collections stay as given; the
        // host can add `boundQueries` to them. Payload's own collections are bounded in `onInit`.
        collections: options.disabled
          ? collections
          : collections.map((collection) =>
              hostCollections.includes(collection)
                ? collection
                : withHiddenUnreadableLinks(withBoundQueries(collection)),
            ),
        endpoints: [
          ...(config.endpoints ?? []),
          ...(options.feed ? feedEndpoints() : []),
          ...(options.feed && !options.disabled ? previewEndpoints() : []),
        ],
        globals,
        i18n: {
          ...config.i18n,
          supportedLanguages,
          // The host's strings win over the plugin's, key by key.
          translations: deepMergeSimple(
            etwI18nTranslations(Object.keys(supportedLanguages)),
            config.i18n?.translations ?? {},
          ),
        },
        jobs: withJobs(config.jobs, options, tasks),
        typescript: {
          ...config.typescript,
          schema: [...(config.typescript?.schema ?? []), describeTypes],
        },
        loggingLevels: { ...QUERY_LOGGING_LEVELS, ...config.loggingLevels },
        onInit: options.disabled
          ? hostOnInit
          : async (payload) => {
              boundPayloadCollections(payload, known)
              guardScheduleQueue(payload)
              await hostOnInit?.(payload)
              // After the host's own start-up, which may apply the migration creating the index.
              // An empty index is filled by a queued job, not here.
              await ensureSearchIndex(payload)
            },
        localization: config.localization ?? {
          defaultLocale: options.defaultLocale,
          fallback: options.fallback,
          locales: options.locales.map(({ code, label }) => ({ code, label })),
        },
      },
      options.feed,
    )
  }
