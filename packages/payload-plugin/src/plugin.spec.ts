import type { CollectionConfig, Config, Endpoint, Field, Payload } from 'payload'

import { buildConfig } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import {
  enforcePasswordPolicy,
  enforcePasswordPolicyOnReset,
} from './collections/Users/hooks/enforcePasswordPolicy'
import { invalidateFeedAfterChange, invalidateFeedAfterDelete } from './feed/hooks'
import { readFeedOptions } from './feed/options'
import { boundQueries } from './hooks/boundQueries'
import { FEED_ROUTES } from './feed/routes'
import { etwPlugin } from './plugin'
import {
  AUDIT_LOG_SLUG,
  EVENTS_SLUG,
  MEDIA_SLUG,
  NEWS_SLUG,
  ORGANIZATIONS_SLUG,
  SETTINGS_SLUG,
  STATISTICS_IMPORTS_SLUG,
  STATISTICS_SLUG,
  USERS_SLUG,
  WEBHOOK_DELIVERIES_SLUG,
  WEBHOOK_ENDPOINTS_SLUG,
} from './slugs'

const PLUGIN_SLUGS = [NEWS_SLUG, EVENTS_SLUG, STATISTICS_SLUG, ORGANIZATIONS_SLUG, MEDIA_SLUG]

const host = (config: Partial<Config> = {}): Config => ({ secret: 'test', ...config }) as Config

const collection = (config: Config, slug: string): CollectionConfig => {
  const found = config.collections?.find((c) => c.slug === slug)
  if (!found) throw new Error(`no collection ${slug}`)
  return found
}

const fieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field) =>
    'name' in field ? [field.name] : 'fields' in field ? fieldNames(field.fields) : [],
  )

describe('etwPlugin', () => {
  it('should add every content collection, a users collection, the audit trail, the statistics imports and the settings global', () => {
    const config = etwPlugin()(host())
    expect(config.collections?.map((c) => c.slug)).toEqual([
      ...PLUGIN_SLUGS,
      USERS_SLUG,
      AUDIT_LOG_SLUG,
      STATISTICS_IMPORTS_SLUG,
      WEBHOOK_ENDPOINTS_SLUG,
      WEBHOOK_DELIVERIES_SLUG,
    ])
    expect(config.globals?.map((g) => g.slug)).toEqual([SETTINGS_SLUG])
  })

  it('should give each collection the GraphQL names of the contract', () => {
    const config = etwPlugin()(host())
    expect(config.collections?.map((c) => c.graphQL)).toEqual([
      { singularName: 'NewsItem', pluralName: 'News' },
      { singularName: 'Event', pluralName: 'Events' },
      { singularName: 'Statistic', pluralName: 'Statistics' },
      { singularName: 'Organization', pluralName: 'Organizations' },
      { singularName: 'MediaItem', pluralName: 'Media' },
      { singularName: 'User', pluralName: 'Users' },
      { singularName: 'AuditEntry', pluralName: 'AuditLog' },
      false,
      false,
      false,
    ])
  })

  it('should keep the host’s collections, globals, endpoints and onInit', async () => {
    const onInit = vi.fn()
    const endpoint: Endpoint = { handler: () => new Response('ok'), method: 'get', path: '/ping' }
    const pages: CollectionConfig = { slug: 'pages', fields: [] }
    const config = etwPlugin()(
      host({
        collections: [pages],
        endpoints: [endpoint],
        globals: [{ slug: 'footer', fields: [] }],
        onInit,
      }),
    )
    expect(config.collections?.[0]).toBe(pages)
    expect(config.globals?.map((g) => g.slug)).toEqual(['footer', SETTINGS_SLUG])
    expect(config.endpoints?.[0]).toBe(endpoint)
    const payload = { collections: {}, jobs: { queue: vi.fn() } } as unknown as Payload
    await config.onInit?.(payload)
    expect(onInit).toHaveBeenCalledWith(payload)
  })

  it('should bound the queries of the collections Payload adds after the plugins', async () => {
    const config = etwPlugin()(host({}))
    const preferences = { config: { slug: 'payload-preferences', hooks: {} } }
    const news = { config: { slug: NEWS_SLUG, hooks: { beforeOperation: [] } } }
    const payload = {
      collections: { [NEWS_SLUG]: news, 'payload-preferences': preferences },
      jobs: { queue: vi.fn() },
    }
    await config.onInit?.(payload as unknown as Payload)
    expect(preferences.config.hooks).toEqual({ beforeOperation: [boundQueries] })
    // The plugin's own collections carry the hook from their config already.
    expect(news.config.hooks.beforeOperation).toEqual([])
  })

  it('should keep the host’s job tasks and append the runner to its autoRun list', () => {
    const task = { slug: 'sendDigest', handler: () => ({ output: {} }) }
    const hostCron = { cron: '0 * * * *', queue: 'nightly' }
    const config = etwPlugin()(host({ jobs: { autoRun: [hostCron], tasks: [task] } }))
    expect(config.jobs?.tasks?.map(({ slug }) => slug)).toEqual([
      'sendDigest',
      'schedulePublish',
      'etwDeliverWebhook',
      'importStatistics',
      'reindexSearch',
    ])
    expect(config.jobs?.tasks?.[0]).toBe(task)
    expect(config.jobs?.autoRun).toEqual([
      hostCron,
      { cron: '* * * * *', limit: 100, queue: 'default' },
    ])
  })

  it('should append the runner to an autoRun function of the host', async () => {
    const hostCron = { cron: '0 * * * *', queue: 'nightly' }
    const config = etwPlugin({ jobs: { cron: '*/5 * * * *' } })(
      host({ jobs: { autoRun: () => [hostCron] } }),
    )
    const autoRun = config.jobs?.autoRun
    expect(typeof autoRun).toBe('function')
    const crons = typeof autoRun === 'function' ? await autoRun({} as never) : []
    expect(crons).toEqual([hostCron, { cron: '*/5 * * * *', limit: 100, queue: 'default' }])
  })

  it('should leave the decision to run jobs to the host’s shouldAutoRun', async () => {
    const config = etwPlugin()(host({ jobs: { shouldAutoRun: () => false } }))
    expect(await config.jobs?.shouldAutoRun?.({} as never)).toBe(false)
  })

  it('should run jobs by default', async () => {
    const config = etwPlugin()(host())
    expect(await config.jobs?.shouldAutoRun?.({} as never)).toBe(true)
  })

  it('should add no runner when autoRun is off', () => {
    const config = etwPlugin({ jobs: { autoRun: false } })(host())
    expect(config.jobs?.autoRun).toBeUndefined()
  })

  it('should apply a collection override to the generated collection', () => {
    const config = etwPlugin({
      collections: {
        news: { override: (news) => ({ ...news, admin: { ...news.admin, group: 'Content' } }) },
      },
    })(host())
    expect(collection(config, NEWS_SLUG).admin?.group).toBe('Content')
  })

  it('should add roles and API keys to the host’s users collection instead of a second one', () => {
    const admins: CollectionConfig = {
      slug: 'admins',
      auth: { tokenExpiration: 3600 },
      fields: [{ name: 'fullName', type: 'text' }],
    }
    const config = etwPlugin()(host({ admin: { user: 'admins' }, collections: [admins] }))
    const augmented = collection(config, 'admins')
    expect(config.collections?.some((c) => c.slug === USERS_SLUG)).toBe(false)
    expect(augmented.auth).toEqual({ tokenExpiration: 3600, useAPIKey: true })
    expect(fieldNames(augmented.fields)).toEqual(['fullName', 'roles'])
    expect(augmented.hooks?.beforeChange).toHaveLength(1)
  })

  it('should make its users collection the admin user when the host names none', () => {
    const config = etwPlugin()(host())
    expect(config.admin?.user).toBe(USERS_SLUG)
    expect(collection(config, USERS_SLUG).auth).toEqual({
      lockTime: 600_000,
      maxLoginAttempts: 5,
      useAPIKey: true,
      useSessions: true,
    })
  })

  const usersHooks = (options: Parameters<typeof etwPlugin>[0] = {}) =>
    collection(etwPlugin(options)(host()), USERS_SLUG).hooks

  it('should throttle logins and enforce the password policy on its users collection', () => {
    const hooks = usersHooks()
    const unthrottled = usersHooks({ users: { loginThrottle: false } })
    expect(hooks?.beforeOperation).toHaveLength((unthrottled?.beforeOperation?.length ?? 0) + 1)
    expect(hooks?.beforeOperation).toContain(enforcePasswordPolicyOnReset)
    expect(hooks?.beforeValidate).toContain(enforcePasswordPolicy)
    expect(hooks?.afterLogin?.length).toBeGreaterThan(0)
  })

  it('should enforce the password policy without a throttle when loginThrottle is false', () => {
    const hooks = usersHooks({ users: { loginThrottle: false } })
    expect(hooks?.beforeOperation).toContain(enforcePasswordPolicyOnReset)
    expect(hooks?.beforeValidate).toContain(enforcePasswordPolicy)
  })

  it('should keep the host’s localization', () => {
    const localization = { defaultLocale: 'uk', locales: ['uk'] }
    const config = etwPlugin()(host({ localization }))
    expect(config.localization).toBe(localization)
  })

  it('should add English, Ukrainian and Azerbaijani content locales when the host has none', () => {
    const config = etwPlugin()(host())
    expect(config.localization).toMatchObject({
      defaultLocale: 'en',
      fallback: true,
      locales: [{ code: 'en' }, { code: 'uk' }, { code: 'az' }],
    })
  })

  it('should offer the admin in English, Ukrainian and Azerbaijani when the host chose no languages', () => {
    const config = etwPlugin()(host())
    expect(Object.keys(config.i18n?.supportedLanguages ?? {}).sort()).toEqual(['az', 'en', 'uk'])
  })

  it('should keep the host’s admin languages', () => {
    const supportedLanguages = {}
    const config = etwPlugin()(host({ i18n: { supportedLanguages } }))
    expect(config.i18n?.supportedLanguages).toBe(supportedLanguages)
  })

  it('should merge its messages into the host’s translations, the host winning', () => {
    const config = etwPlugin()(
      host({
        i18n: {
          translations: { en: { etw: { negativeValue: 'No negatives' }, site: { x: 'y' } } },
        },
      }),
    )
    const en = config.i18n?.translations?.en as Record<string, Record<string, string>>
    expect(en.etw?.negativeValue).toBe('No negatives')
    expect(en.etw?.invalidUrl).toMatch(/http/)
    expect(en.site?.x).toBe('y')
  })

  it('should keep collections but add no hooks and no runner when disabled', () => {
    const config = etwPlugin({ disabled: true })(host())
    expect(config.collections?.map((c) => c.slug)).toEqual([
      ...PLUGIN_SLUGS,
      USERS_SLUG,
      AUDIT_LOG_SLUG,
      STATISTICS_IMPORTS_SLUG,
      WEBHOOK_ENDPOINTS_SLUG,
      WEBHOOK_DELIVERIES_SLUG,
    ])
    const hooks = config.collections?.flatMap((c) => Object.values(c.hooks ?? {}).flat())
    expect(hooks).toEqual([])
    expect(config.jobs?.autoRun).toBeUndefined()
  })

  it('should index the fields the public feed filters and sorts by', () => {
    const config = etwPlugin()(host())
    const indexed = (slug: string) =>
      collection(config, slug)
        .fields.flatMap((field) => ('fields' in field ? field.fields : [field]))
        .filter((field) => 'index' in field && field.index)
        .map((field) => ('name' in field ? field.name : ''))
    expect(indexed(NEWS_SLUG)).toEqual(['slug', 'publishedAt', 'country', 'tags', 'previousSlugs'])
    expect(collection(config, NEWS_SLUG).indexes).toEqual([
      { fields: ['_status', 'publishedAt'] },
      { fields: ['_status', 'country', 'publishedAt'] },
      { fields: ['_status', 'organization', 'publishedAt'] },
    ])
    expect(indexed(EVENTS_SLUG)).toEqual(expect.arrayContaining(['startsAt', 'country']))
    expect(collection(config, STATISTICS_SLUG).indexes).toEqual([
      { fields: ['key', 'scopeKey', 'asOf'], unique: true },
    ])
  })

  it('should produce a config that Payload sanitizes, with the schedule-publish task', async () => {
    const sanitized = await buildConfig({
      // A stand-in rich-text adapter: sanitizing needs one, the plugin does not choose it.
      editor: { CellComponent: '', FieldComponent: '', validate: () => true } as never,
      plugins: [etwPlugin()],
      secret: 'test',
      // No database adapter: sanitizing never connects.
    } as unknown as Config)
    expect(sanitized.collections.map((c) => c.slug)).toEqual(
      expect.arrayContaining([...PLUGIN_SLUGS, USERS_SLUG]),
    )
    expect(sanitized.jobs.tasks?.map((task) => task.slug)).toContain('schedulePublish')
    expect(sanitized.localization && sanitized.localization.localeCodes).toEqual(['en', 'uk', 'az'])
  })

  it('should add GET, HEAD and OPTIONS endpoints for every feed path', () => {
    const config = etwPlugin()(host())
    const byPath = (path: string) =>
      config.endpoints?.filter((e) => e.path === path).map((e) => e.method)
    for (const path of Object.values(FEED_ROUTES)) {
      expect(byPath(path)).toEqual(expect.arrayContaining(['get', 'head', 'options']))
    }
  })

  it('should add no feed endpoints and no cache hooks with feed: false', () => {
    const config = etwPlugin({ feed: false })(host())
    expect(config.endpoints).toEqual([])
    expect(collection(config, NEWS_SLUG).hooks?.afterChange).not.toContain(
      invalidateFeedAfterChange,
    )
    expect(collection(config, NEWS_SLUG).hooks?.afterDelete).not.toContain(
      invalidateFeedAfterDelete,
    )
    expect(readFeedOptions(config as never)).toBe(false)
  })

  it('should record deletes of every collection, publications of drafted ones and logins', () => {
    const config = etwPlugin()(host())
    for (const slug of [...PLUGIN_SLUGS, USERS_SLUG]) {
      expect(collection(config, slug).hooks?.afterDelete?.length).toBeGreaterThan(0)
    }
    const changeHooks = (slug: string) => collection(config, slug).hooks?.afterChange ?? []
    // News also has the audit trail's publication hook, the webhooks' announcement and the
    // search index's update.
    expect(changeHooks(NEWS_SLUG).length).toBe(changeHooks(ORGANIZATIONS_SLUG).length + 3)
    // The login throttle's reward, then the audit entry.
    expect(collection(config, USERS_SLUG).hooks?.afterLogin).toHaveLength(2)
    expect(collection(config, AUDIT_LOG_SLUG).access?.read).toBeTypeOf('function')
  })

  it('should add no feed endpoints when disabled', () => {
    const config = etwPlugin({ disabled: true })(host())
    expect(config.endpoints).toEqual([])
    expect(readFeedOptions(config as never)).toBe(false)
  })

  it('should clear the feed cache after changes to every content collection', () => {
    const config = etwPlugin()(host())
    for (const slug of PLUGIN_SLUGS) {
      expect(collection(config, slug).hooks?.afterChange).toContain(invalidateFeedAfterChange)
      expect(collection(config, slug).hooks?.afterDelete).toContain(invalidateFeedAfterDelete)
    }
  })

  it('should store the feed options with their defaults', () => {
    const config = etwPlugin({ feed: { maxLimit: 20 } })(host())
    expect(readFeedOptions(config as never)).toEqual({
      cacheMaxBytes: 32 * 1024 * 1024,
      cacheTtl: 60,
      maxAge: 60,
      maxLimit: 20,
      sMaxAge: 300,
      staleWhileRevalidate: 600,
    })
  })

  it('should refuse a negative feed option', () => {
    expect(() => etwPlugin({ feed: { maxAge: -1 } })(host())).toThrow(/feed\.maxAge/)
  })
})
