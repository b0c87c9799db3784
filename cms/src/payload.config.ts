import { DEFAULT_LOGIN_THROTTLE, etwPlugin, PREVIOUS_FIGURE_FIELD } from '@etw/payload-plugin'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionConfig } from 'payload'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { adminLanguages } from './admin-languages'
import { createDatabaseAdapter, dataDir, resolveDatabaseTarget } from './database'
import {
  GRAPHQL_LIMITS,
  graphQLValidationRules,
  introspectionAllowed,
  playgroundAllowed,
} from './graphql/limits'
import { onInit } from './init'
import { adminOrigins } from './origins'
import { resolveSecret } from './secret'
import { sharedLimits } from './shared-limits'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// `next build` evaluates this module without serving anything; nothing is signed with this value.
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'

const databaseTarget = resolveDatabaseTarget(process.env.DATABASE_URL)

type ListComponents = NonNullable<NonNullable<CollectionConfig['admin']>['components']>

const quickFilters = '/components/QuickFilters#QuickFilters'
const scheduleFailure = (collectionSlug: string) => ({
  path: '/components/ScheduleFailure#ScheduleFailure',
  serverProps: { collectionSlug },
})
const statisticsTable = '/components/StatisticsTable#StatisticsTable'
const statisticsImport = '/components/StatisticsImport#StatisticsImport'

/** Adds this app's admin components (they live in `src/components`) to a plugin collection. */
const withAdminComponents =
  (components: ListComponents) =>
  (collection: CollectionConfig): CollectionConfig => ({
    ...collection,
    admin: {
      ...collection.admin,
      components: { ...collection.admin?.components, ...components },
    },
  })

/** Gives the plugin's top-level `ui` field `name` this app's admin component at `path`. */
const withFieldComponent =
  (name: string, path: string) =>
  (collection: CollectionConfig): CollectionConfig => ({
    ...collection,
    fields: collection.fields.map((field) =>
      field.type === 'ui' && field.name === name
        ? { ...field, admin: { ...field.admin, components: { Field: path } } }
        : field,
    ),
  })

const createConfig = async () =>
  buildConfig({
    admin: {
      user: 'users',
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' · eTwinning Hub' },
      // Gravatar would send every editor's email hash to a third party and fails offline.
      avatar: 'default',
      components: {
        afterNavLinks: [
          '/components/EmbedLink#EmbedLink',
          '/components/WidgetsDemoLink#WidgetsDemoLink',
        ],
        beforeDashboard: ['/components/Dashboard#Dashboard'],
        views: {
          embed: { Component: '/components/EmbedView#EmbedView', path: '/embed', exact: true },
        },
      },
    },
    // Each editor picks the admin language in their account settings; a browser's language is
    // the default when it is one of these.
    i18n: { fallbackLanguage: 'en', supportedLanguages: adminLanguages },
    // Public origin, e.g. https://cms.example.org: absolute links in feeds, and Payload's CSRF check.
    serverURL: process.env.ETW_SERVER_URL || undefined,
    // Pages of these origins may call the admin API with the login cookie; Payload adds `serverURL`
    // to the CSRF list. The public feed answers every origin itself, without credentials.
    ...adminOrigins(process.env),
    db: await createDatabaseAdapter(databaseTarget),
    editor: lexicalEditor(),
    // Relationships are populated at most three levels deep, whatever `depth` a caller asks for; the
    // admin reads at depth 0–1 and REST defaults to 2.
    maxDepth: 3,
    defaultDepth: 2,
    secret:
      isBuildPhase && !process.env.PAYLOAD_SECRET
        ? 'build-phase'
        : resolveSecret(dataDir, process.env),
    sharp,
    // No usage reports leave the server.
    telemetry: false,
    graphQL: {
      schemaOutputFile: path.resolve(dirname, '../schema.graphql'),
      // Off in production unless ETW_GRAPHQL_PLAYGROUND / ETW_GRAPHQL_INTROSPECTION turn them on.
      disablePlaygroundInProduction: !playgroundAllowed({ ...process.env, NODE_ENV: 'production' }),
      disableIntrospectionInProduction: !introspectionAllowed({
        ...process.env,
        NODE_ENV: 'production',
      }),
      maxComplexity: GRAPHQL_LIMITS.maxComplexity,
      validationRules: () => graphQLValidationRules(),
    },
    typescript: {
      outputFile: path.resolve(dirname, 'payload-types.ts'),
    },
    upload: {
      limits: { fileSize: 20 * 1024 * 1024 },
    },
    plugins: [
      etwPlugin({
        // Several instances share one directory (a network file system) or use object storage.
        media: { staticDir: process.env.ETW_MEDIA_DIR || path.join(dataDir, 'media') },
        collections: {
          events: {
            override: withAdminComponents({
              beforeListTable: [quickFilters],
              edit: { beforeDocumentControls: [scheduleFailure('events')] },
            }),
          },
          news: {
            override: withAdminComponents({
              beforeListTable: [quickFilters],
              edit: { beforeDocumentControls: [scheduleFailure('news')] },
            }),
          },
          statistics: {
            override: (collection) =>
              withFieldComponent(
                PREVIOUS_FIGURE_FIELD,
                '/components/PreviousFigure#PreviousFigure',
              )(
                withAdminComponents({ beforeListTable: [statisticsTable, statisticsImport] })(
                  collection,
                ),
              ),
          },
          webhookDeliveries: {
            override: withAdminComponents({
              edit: { beforeDocumentControls: ['/components/RedeliverButton#RedeliverButton'] },
            }),
          },
        },
        jobs: { autoRun: process.env.NODE_ENV !== 'test' },
        // Counted in Redis when REDIS_URL is set, so that every instance sees the same attempts.
        users: {
          loginThrottle: isBuildPhase
            ? undefined
            : {
                limiter: sharedLimits().limiter({
                  keyPrefix: 'etw-login',
                  points: DEFAULT_LOGIN_THROTTLE.attempts,
                  duration: DEFAULT_LOGIN_THROTTLE.windowSeconds,
                }),
              },
        },
      }),
    ],
    onInit: (payload) => onInit(payload, databaseTarget),
  })

// A promise: the database adapter is imported on demand, so only the chosen one is loaded.
export default createConfig()
