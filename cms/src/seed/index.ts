import {
  EVENTS_SLUG,
  MEDIA_SLUG,
  NEWS_SLUG,
  ORGANIZATIONS_SLUG,
  snapshotKey,
  snapshotScopeKey,
  STATISTICS_SLUG,
} from '@etw/payload-plugin'
import type { DataFromCollectionSlug, Payload, RequestContext } from 'payload'
import sharp from 'sharp'

import type {
  SeedCover,
  SeedEvent,
  SeedNews,
  SeedOrganization,
  SeedStatistic,
  TranslationLocale,
} from './data'
import { covers, events, news, organizations, statistics } from './data'
import { paragraphs } from './lexical'

/** The collections the seed writes, in the order it writes them. */
export type SeedCollection = 'organizations' | 'media' | 'events' | 'news' | 'statistics'

export interface SeedCount {
  /** Documents deleted by `reset`. */
  deleted: number
  created: number
  /** Documents that were already there (found by their stable key) and were left untouched. */
  existing: number
}

export type SeedReport = Record<SeedCollection, SeedCount>

export interface SeedOptions {
  /**
   * Delete every document of the plugin's collections (news, events, statistics, organizations,
   * media) before seeding. Users are never deleted.
   * @default false
   */
  reset?: boolean
  /** Receives one line per step. */
  log?: (message: string) => void
}

type Id<TSlug extends SeedCollection> = DataFromCollectionSlug<TSlug>['id']

/** Lets the plugin's hooks tell the seed apart from an editor. */
const context: RequestContext = { etwSeed: true }

const TRANSLATION_LOCALES: readonly TranslationLocale[] = ['uk', 'az']

/** Whether news, events, statistics and organizations all have no documents. */
export const isDatabaseEmpty = async (payload: Payload): Promise<boolean> => {
  for (const collection of [NEWS_SLUG, EVENTS_SLUG, STATISTICS_SLUG, ORGANIZATIONS_SLUG] as const) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true, context })
    if (totalDocs > 0) return false
  }
  return true
}

/**
 * Loads the demo content. Idempotent: each item is looked up by its stable key (the slug; for
 * statistics metric + scope + `asOf`) and only missing items are created, so running it again
 * creates nothing and never overwrites an editor's changes.
 */
export const seed = async (payload: Payload, options: SeedOptions = {}): Promise<SeedReport> => {
  const log = options.log ?? (() => undefined)
  const zero = (): SeedCount => ({ deleted: 0, created: 0, existing: 0 })
  const report: SeedReport = {
    [ORGANIZATIONS_SLUG]: zero(),
    [MEDIA_SLUG]: zero(),
    [EVENTS_SLUG]: zero(),
    [NEWS_SLUG]: zero(),
    [STATISTICS_SLUG]: zero(),
  }
  const count = (collection: SeedCollection, created: boolean) => {
    report[collection][created ? 'created' : 'existing'] += 1
  }

  if (options.reset) {
    // Documents that point at others go first.
    for (const collection of [
      NEWS_SLUG,
      EVENTS_SLUG,
      STATISTICS_SLUG,
      ORGANIZATIONS_SLUG,
      MEDIA_SLUG,
    ] as const) {
      report[collection].deleted = await deleteAll(payload, collection)
      log(`Deleted ${report[collection].deleted} ${collection}`)
    }
  }

  const organizationIds = new Map<string, Id<typeof ORGANIZATIONS_SLUG>>()
  for (const organization of organizations) {
    const { id, created } = await ensureOrganization(payload, organization)
    organizationIds.set(organization.slug, id)
    count(ORGANIZATIONS_SLUG, created)
  }
  log(`Organizations: ${describe(report[ORGANIZATIONS_SLUG])}`)

  const coverIds = new Map<string, Id<typeof MEDIA_SLUG>>()
  for (const cover of covers) {
    const { id, created } = await ensureCover(payload, cover)
    coverIds.set(cover.key, id)
    count(MEDIA_SLUG, created)
  }
  log(`Media: ${describe(report[MEDIA_SLUG])}`)

  const refs: References = { organizationIds, coverIds }

  const eventIds = new Map<string, Id<typeof EVENTS_SLUG>>()
  for (const event of events) {
    const { id, created } = await ensureEvent(payload, event, refs)
    eventIds.set(event.slug, id)
    count(EVENTS_SLUG, created)
  }
  log(`Events: ${describe(report[EVENTS_SLUG])}`)

  const newsIds = new Map<string, Id<typeof NEWS_SLUG>>()
  for (const item of news) {
    const { id, created } = await ensureNews(payload, item, { ...refs, eventIds })
    newsIds.set(item.slug, id)
    count(NEWS_SLUG, created)
  }
  log(`News: ${describe(report[NEWS_SLUG])}`)

  // Events are created before the news that report on them, so their back links come last.
  for (const event of events) {
    const eventId = eventIds.get(event.slug)
    if (eventId !== undefined) await linkRelatedNews(payload, eventId, event, newsIds)
  }

  for (const statistic of statistics) {
    count(STATISTICS_SLUG, await ensureStatistic(payload, statistic))
  }
  log(`Statistics: ${describe(report[STATISTICS_SLUG])}`)

  return report
}

const describe = ({ created, existing }: SeedCount): string =>
  `${created} created, ${existing} already present`

interface References {
  organizationIds: ReadonlyMap<string, Id<typeof ORGANIZATIONS_SLUG>>
  coverIds: ReadonlyMap<string, Id<typeof MEDIA_SLUG>>
  eventIds?: ReadonlyMap<string, Id<typeof EVENTS_SLUG>>
}

const lookup = <T>(ids: ReadonlyMap<string, T> | undefined, key: string, what: string): T => {
  const id = ids?.get(key)
  if (id === undefined) throw new Error(`Seed data refers to an unknown ${what} "${key}"`)
  return id
}

const deleteAll = async (payload: Payload, collection: SeedCollection): Promise<number> => {
  const { docs, errors } = await payload.delete({
    collection,
    where: { id: { exists: true } },
    depth: 0,
    overrideAccess: true,
    context,
  })
  if (errors.length > 0) {
    const reasons = errors.map((error) => `${String(error.id)}: ${error.message}`).join('; ')
    throw new Error(`Could not delete every document of "${collection}": ${reasons}`)
  }
  return docs.length
}

const findIdBySlug = async <
  TSlug extends typeof NEWS_SLUG | typeof EVENTS_SLUG | typeof ORGANIZATIONS_SLUG,
>(
  payload: Payload,
  collection: TSlug,
  slug: string,
): Promise<Id<TSlug> | undefined> => {
  const { docs } = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    context,
  })
  return docs[0]?.id as Id<TSlug> | undefined
}

/**
 * Runs `create` and then `translate`; when translating fails the new document is deleted again, so
 * a later run does not find a half-translated document and skip it.
 */
const createTranslated = async <TSlug extends SeedCollection>(
  payload: Payload,
  collection: TSlug,
  create: () => Promise<Id<TSlug>>,
  translate: (id: Id<TSlug>) => Promise<void>,
): Promise<Id<TSlug>> => {
  const id = await create()
  try {
    await translate(id)
  } catch (error) {
    await payload.delete({ collection, id, overrideAccess: true, context })
    throw error
  }
  return id
}

/** Calls `update` for each translation locale in which `fields` yields at least one value. */
const forEachTranslation = async <T extends object>(
  fields: (locale: TranslationLocale) => T,
  update: (locale: TranslationLocale, data: T) => Promise<unknown>,
): Promise<void> => {
  for (const locale of TRANSLATION_LOCALES) {
    const data = Object.fromEntries(
      Object.entries(fields(locale)).filter(([, value]) => value !== undefined),
    ) as T
    if (Object.keys(data).length > 0) await update(locale, data)
  }
}

const richText = (texts: readonly string[] | undefined) =>
  texts === undefined ? undefined : paragraphs(...texts)

const ensureOrganization = async (payload: Payload, organization: SeedOrganization) => {
  const existing = await findIdBySlug(payload, ORGANIZATIONS_SLUG, organization.slug)
  if (existing !== undefined) return { id: existing, created: false }
  const id = await createTranslated(
    payload,
    ORGANIZATIONS_SLUG,
    async () => {
      const doc = await payload.create({
        collection: ORGANIZATIONS_SLUG,
        locale: 'en',
        data: {
          name: organization.name.en,
          shortName: organization.shortName,
          slug: organization.slug,
          kind: organization.kind,
          country: organization.country,
          city: organization.city?.en,
          website: organization.website,
        },
        depth: 0,
        overrideAccess: true,
        context,
      })
      return doc.id
    },
    (id) =>
      forEachTranslation(
        (locale) => ({ name: organization.name[locale], city: organization.city?.[locale] }),
        (locale, data) =>
          payload.update({
            collection: ORGANIZATIONS_SLUG,
            id,
            locale,
            data,
            depth: 0,
            overrideAccess: true,
            context,
          }),
      ),
  )
  return { id, created: true }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** A 1200×630 PNG: the cover's text, centred, in white on its background colour. */
const renderCover = async (cover: SeedCover): Promise<Buffer> => {
  const width = 1200
  const height = 630
  // Wide enough for the longest short name on one line.
  const fontSize = Math.min(140, Math.floor((width * 0.8) / (cover.text.length * 0.62)))
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${escapeXml(cover.background)}"/>
  <text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" fill="#ffffff"
    font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-weight="700"
    font-size="${fontSize}">${escapeXml(cover.text)}</text>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

const ensureCover = async (payload: Payload, cover: SeedCover) => {
  // Payload renames an upload whose file name is taken on disk (`name-1.png`), so match that too.
  const { docs } = await payload.find({
    collection: MEDIA_SLUG,
    where: { filename: { like: cover.key } },
    limit: 10,
    depth: 0,
    overrideAccess: true,
    context,
  })
  const pattern = new RegExp(`^${escapeRegExp(cover.key)}(-\\d+)?\\.png$`)
  const existing = docs.find(
    (doc) => typeof doc.filename === 'string' && pattern.test(doc.filename),
  )
  if (existing) return { id: existing.id, created: false }

  const data = await renderCover(cover)
  const id = await createTranslated(
    payload,
    MEDIA_SLUG,
    async () => {
      const doc = await payload.create({
        collection: MEDIA_SLUG,
        locale: 'en',
        data: { alt: cover.alt.en },
        file: { data, mimetype: 'image/png', name: `${cover.key}.png`, size: data.length },
        depth: 0,
        overrideAccess: true,
        context,
      })
      return doc.id
    },
    (id) =>
      forEachTranslation(
        (locale) => ({ alt: cover.alt[locale] }),
        (locale, data) =>
          payload.update({
            collection: MEDIA_SLUG,
            id,
            locale,
            data,
            depth: 0,
            overrideAccess: true,
            context,
          }),
      ),
  )
  return { id, created: true }
}

const ensureEvent = async (payload: Payload, event: SeedEvent, refs: References) => {
  const existing = await findIdBySlug(payload, EVENTS_SLUG, event.slug)
  if (existing !== undefined) return { id: existing, created: false }
  const localized = (locale: TranslationLocale | 'en') => ({
    title: event.title[locale],
    summary: event.summary[locale],
    description: richText(event.description[locale]),
    city: event.city?.[locale],
  })
  let groupIds: (string | null | undefined)[] = []
  const id = await createTranslated(
    payload,
    EVENTS_SLUG,
    async () => {
      const doc = await payload.create({
        collection: EVENTS_SLUG,
        locale: 'en',
        draft: false,
        data: {
          _status: 'published',
          ...localized('en'),
          title: event.title.en,
          slug: event.slug,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timeZone: event.timeZone,
          format: event.format,
          kind: event.kind,
          country: event.country,
          participatingCountries: [...event.participatingCountries],
          participantGroups: event.participantGroups.map(({ count, label }) => ({
            count,
            label: label.en,
          })),
          organizers: event.organizers.map((slug) =>
            lookup(refs.organizationIds, slug, 'organization'),
          ),
          cover:
            event.cover === undefined ? undefined : lookup(refs.coverIds, event.cover, 'cover'),
        },
        depth: 0,
        overrideAccess: true,
        context,
      })
      groupIds = (doc.participantGroups ?? []).map((group: { id?: string | null }) => group.id)
      return doc.id
    },
    (id) =>
      forEachTranslation(
        (locale) => {
          const labels = event.participantGroups.map(({ label }) => label[locale])
          return {
            ...localized(locale),
            // The array is not localized, its labels are: the rows are matched by id.
            participantGroups: labels.some((label) => label !== undefined)
              ? event.participantGroups.map(({ count, label }, index) => ({
                  id: groupIds[index],
                  count,
                  label: label[locale],
                }))
              : undefined,
          }
        },
        (locale, data) =>
          payload.update({
            collection: EVENTS_SLUG,
            id,
            locale,
            draft: false,
            data: { _status: 'published', ...data },
            depth: 0,
            overrideAccess: true,
            context,
          }),
      ),
  )
  return { id, created: true }
}

const ensureNews = async (payload: Payload, item: SeedNews, refs: References) => {
  const existing = await findIdBySlug(payload, NEWS_SLUG, item.slug)
  if (existing !== undefined) return { id: existing, created: false }
  const localized = (locale: TranslationLocale | 'en') => ({
    title: item.title[locale],
    summary: item.summary[locale],
    body: richText(item.body[locale]),
  })
  const id = await createTranslated(
    payload,
    NEWS_SLUG,
    async () => {
      const doc = await payload.create({
        collection: NEWS_SLUG,
        locale: 'en',
        draft: false,
        data: {
          _status: 'published',
          ...localized('en'),
          title: item.title.en,
          slug: item.slug,
          publishedAt: item.publishedAt,
          organization:
            item.organization === undefined
              ? undefined
              : lookup(refs.organizationIds, item.organization, 'organization'),
          country: item.country,
          tags: [...item.tags],
          relatedEvents: (item.relatedEvents ?? []).map((slug) =>
            lookup(refs.eventIds, slug, 'event'),
          ),
          cover: item.cover === undefined ? undefined : lookup(refs.coverIds, item.cover, 'cover'),
        },
        depth: 0,
        overrideAccess: true,
        context,
      })
      return doc.id
    },
    (id) =>
      forEachTranslation(localized, (locale, data) =>
        payload.update({
          collection: NEWS_SLUG,
          id,
          locale,
          draft: false,
          data: { _status: 'published', ...data },
          depth: 0,
          overrideAccess: true,
          context,
        }),
      ),
  )
  return { id, created: true }
}

const relationId = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'id' in value ? value.id : value

/** Adds the event's related news that exist and are not linked yet; links an editor added stay. */
const linkRelatedNews = async (
  payload: Payload,
  eventId: Id<typeof EVENTS_SLUG>,
  event: SeedEvent,
  newsIds: ReadonlyMap<string, Id<typeof NEWS_SLUG>>,
): Promise<void> => {
  const doc = await payload.findByID({
    collection: EVENTS_SLUG,
    id: eventId,
    depth: 0,
    overrideAccess: true,
    context,
  })
  const linked = (doc.relatedNews ?? []).map(relationId) as Id<typeof NEWS_SLUG>[]
  const missing = event.relatedNews
    .map((slug) => lookup(newsIds, slug, 'news item'))
    .filter((id) => !linked.includes(id))
  if (missing.length === 0) return
  await payload.update({
    collection: EVENTS_SLUG,
    id: eventId,
    draft: false,
    data: { _status: 'published', relatedNews: [...linked, ...missing] },
    depth: 0,
    overrideAccess: true,
    context,
  })
}

/** Stores a calendar day as the admin's date picker does: at noon UTC, the same day everywhere. */
const dayAtNoonUtc = (day: string): string => `${day}T12:00:00.000Z`

const DAY_MS = 24 * 60 * 60 * 1000

/** Creates the snapshot unless one exists for the same metric, scope and day; true when created. */
const ensureStatistic = async (payload: Payload, statistic: SeedStatistic): Promise<boolean> => {
  const dayStart = Date.parse(`${statistic.asOf}T00:00:00.000Z`)
  const { totalDocs } = await payload.count({
    collection: STATISTICS_SLUG,
    where: {
      and: [
        { key: { equals: snapshotKey(statistic) } },
        { scopeKey: { equals: snapshotScopeKey(statistic) } },
        { asOf: { greater_than_equal: new Date(dayStart).toISOString() } },
        { asOf: { less_than: new Date(dayStart + DAY_MS).toISOString() } },
      ],
    },
    overrideAccess: true,
    context,
  })
  if (totalDocs > 0) return false
  await payload.create({
    collection: STATISTICS_SLUG,
    data: {
      metric: statistic.metric,
      value: statistic.value,
      approximate: statistic.approximate ?? false,
      asOf: dayAtNoonUtc(statistic.asOf),
      scope: statistic.scope,
      country: statistic.country,
      source: statistic.source,
    },
    depth: 0,
    overrideAccess: true,
    context,
  })
  return true
}
