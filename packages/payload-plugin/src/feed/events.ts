import type {
  EventFormat,
  EventItem,
  EventKind,
  EventsResponse,
  EventsWhen,
  FeedImage,
  FeedOrganization,
} from '@etw/client'
import type { Where } from 'payload'

import type { Cursor } from './cursor'
import type { NormalizedParams, RouteContext, RouteHandler } from './handler'
import type { LinkMaker } from './links'

import { routeParameters } from '../contract/routes'
import { EventsWhen as EventsWhenSchema } from '../contract/schemas'
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS } from '../collections/Events'
import { etwString } from '../translations'
import { EVENTS_SLUG } from '../slugs'
import { encodeCursor } from './cursor'
import { invalidParameter } from './errors'
import { jsonBody } from './handler'
import { findPage } from './keyset'
import { countryName, formatCountryList, formatDateRange } from './format'
import { createLinkMaker } from './links'
import { parsePaging } from './news'
import {
  parseCountry,
  parseEnum,
  parseIsoDate,
  parseLimit,
  parseLocale,
  parseSearch,
} from './params'
import { loadImages, loadOrganizations, relationId } from './relations'
import { servedLocales } from './served-locale'
import { FEED_ROUTES } from './routes'
import { findSearchPage, highlightsOf, refuseCursorWithSearch } from './search'
import { absoluteUrl } from './urls'

/** Items of `events` when `limit` is absent. */
export const DEFAULT_EVENTS_LIMIT = 5

/** Values of `when`. */
export const EVENTS_WHEN: readonly EventsWhen[] = EventsWhenSchema.options

/** Parameters of `events` (and `events.ics`, which adds `id` and has no paging). */
export interface EventsParams {
  when: EventsWhen
  from: Date | undefined
  to: Date | undefined
  limit: number
  page: number
  cursor: Cursor | undefined
  locale: string
  country: string | undefined
  /** `events.ics` only: one event. */
  id?: number | string | undefined
  /** `events` only: search words; the list is then ordered by relevance, items highlighted. */
  q?: string | undefined
}

/** An event as the feeds show it, with what the iCalendar feed adds. */
export interface EventRecord extends EventItem {
  /** Plain-text summary for the iCalendar `DESCRIPTION`. */
  description: string | null
  /** Last change, the iCalendar `DTSTAMP`. */
  updatedAt: string
}

/** One page of events. */
export interface EventsPage {
  items: EventRecord[]
  page: number
  hasNextPage: boolean
  nextCursor: string | null
}

/** An event document as the feeds read it. */
export type EventDoc = {
  city?: string | null
  country?: string | null
  cover?: unknown
  endsAt?: string | null
  format?: string | null
  id: number | string
  kind?: string | null
  organizers?: unknown[] | null
  participatingCountries?: string[] | null
  registrationDeadline?: string | null
  registrationUrl?: string | null
  slug?: string | null
  startsAt?: string | null
  summary?: string | null
  timeZone?: string | null
  title?: string | null
  updatedAt?: string | null
  venue?: string | null
}

/**
 * The ordering of a `when`: upcoming and all chronological (`startsAt`, then id, ascending); past
 * the most recent first.
 */
export const eventsOrder = (when: EventsWhen): 'asc' | 'desc' => (when === 'past' ? 'desc' : 'asc')

const cursorOrder = (when: EventsWhen) => `events:${eventsOrder(when)}`

/** Parses the filters shared by `events` and `events.ics`. */
export const parseEventFilters = (query: ReadonlyMap<string, string>, context: RouteContext) => {
  const from = parseIsoDate('from', query.get('from'), 'start')
  const to = parseIsoDate('to', query.get('to'), 'end')
  if (from && to && from.getTime() > to.getTime()) {
    throw invalidParameter('to', '"to" must not be before "from".')
  }
  return {
    country: parseCountry(query.get('country')),
    from,
    locale: parseLocale(query.get('locale'), context.locales, context.defaultLocale),
    to,
    when: parseEnum('when', query.get('when'), EVENTS_WHEN, 'upcoming'),
  }
}

/** An ISO instant, `null` for none. */
export const isoOrNull = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null

/** The fields of an event the feed reads. */
export const EVENT_SELECT = {
  city: true,
  country: true,
  cover: true,
  endsAt: true,
  format: true,
  kind: true,
  organizers: true,
  participatingCountries: true,
  registrationDeadline: true,
  registrationUrl: true,
  slug: true,
  startsAt: true,
  summary: true,
  timeZone: true,
  title: true,
  updatedAt: true,
  venue: true,
} as const

/**
 * Event documents (read with {@link EVENT_SELECT} in `locale`) as the feed's records: ISO times,
 * the organizers' names, the cover's URLs, the page and the iCalendar link.
 */
export const toEventRecords = async (
  docs: readonly EventDoc[],
  locale: string,
  context: Pick<RouteContext, 'apiRoute' | 'origin' | 'payload'>,
): Promise<EventRecord[]> => {
  const { payload } = context
  const [organizations, images, link, served] = await Promise.all([
    loadOrganizations(
      payload,
      docs.flatMap((doc) => (doc.organizers ?? []).map(relationId)),
      locale,
    ),
    loadImages(
      payload,
      docs.map((doc) => relationId(doc.cover)),
      locale,
      context.origin,
    ),
    createLinkMaker(context, locale),
    servedLocales(
      payload,
      EVENTS_SLUG,
      docs.map((doc) => doc.id),
      locale,
    ),
  ])
  return docs.map((doc) =>
    toEventRecord(doc, context, { images, link, organizations }, locale, served(doc.id)),
  )
}

/**
 * Published events: `upcoming` (not yet ended, soonest first), `past` (ended, latest first) or
 * `all` (chronological); `from`/`to` keep events that overlap that period. Published only,
 * selected fields, a page at a time ({@link findPage}).
 */
export const queryEvents = async (
  params: EventsParams,
  context: RouteContext,
  now: Date = new Date(),
): Promise<EventsPage> => {
  const { payload } = context
  const order = eventsOrder(params.when)
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (params.id !== undefined) and.push({ id: { equals: params.id } })
  if (params.when === 'upcoming') and.push({ endsAt: { greater_than_equal: now.toISOString() } })
  if (params.when === 'past') and.push({ endsAt: { less_than: now.toISOString() } })
  if (params.from) and.push({ endsAt: { greater_than_equal: params.from.toISOString() } })
  if (params.to) and.push({ startsAt: { less_than_equal: params.to.toISOString() } })
  if (params.country) and.push({ country: { equals: params.country } })
  if (params.q !== undefined) {
    const found = await findSearchPage<EventDoc>(payload, {
      collection: EVENTS_SLUG,
      limit: params.limit,
      locale: params.locale,
      page: params.page,
      q: params.q,
      select: EVENT_SELECT,
      where: and,
    })
    const records = await toEventRecords(found.docs, params.locale, context)
    const q = params.q
    return {
      hasNextPage: found.hasNextPage,
      items: records.map((record, index) => ({
        ...record,
        highlight: highlightsOf(q, found.docs[index]!),
      })),
      nextCursor: null,
      page: params.page,
    }
  }
  const { docs, hasNextPage, nextCursor } = await findPage<EventDoc>(
    payload,
    {
      collection: EVENTS_SLUG,
      cursor: params.cursor,
      direction: order,
      field: 'startsAt',
      limit: params.limit,
      locale: params.locale,
      order: cursorOrder(params.when),
      page: params.page,
      select: EVENT_SELECT,
      where: and,
    },
    (doc) => isoOrNull(doc.startsAt) ?? '',
  )
  const items = await toEventRecords(docs, params.locale, context)
  return { hasNextPage, items, nextCursor, page: params.page }
}

/** What {@link toEventRecord} looks related documents up in. */
export interface EventRelations {
  images: ReadonlyMap<string, FeedImage>
  organizations: ReadonlyMap<string, FeedOrganization>
  link: LinkMaker
}

/**
 * An event document flattened for the feeds; `locale` names its kind and format and formats its
 * dates and countries, `served` is the locale its texts are in ({@link servedLocales}).
 */
export const toEventRecord = (
  doc: EventDoc,
  context: Pick<RouteContext, 'apiRoute' | 'origin'>,
  { images, link, organizations }: EventRelations,
  locale: string,
  served = locale,
): EventRecord => {
  const icsPath = `${context.apiRoute}${FEED_ROUTES.eventsIcs}`
  const coverId = relationId(doc.cover)
  const format = (doc.format ?? 'in-person') as EventFormat
  const kind = (doc.kind ?? 'seminar') as EventKind
  const start = isoOrNull(doc.startsAt) ?? ''
  const end = isoOrNull(doc.endsAt) ?? ''
  const timeZone = doc.timeZone || 'UTC'
  const participatingCountries = doc.participatingCountries ?? []
  return {
    city: doc.city || null,
    country: doc.country ?? null,
    countryName: doc.country ? countryName(locale, doc.country) : null,
    description: doc.summary || null,
    end,
    format,
    formatLabel: etwString(locale, EVENT_FORMAT_LABELS[format]),
    formatted: {
      participatingCountries: formatCountryList(locale, participatingCountries),
      range: formatDateRange(locale, start, end, timeZone),
    },
    icsUrl: absoluteUrl(context.origin, `${icsPath}?id=${encodeURIComponent(String(doc.id))}`),
    id: String(doc.id),
    image: (coverId !== undefined && images.get(String(coverId))) || null,
    kind,
    kindLabel: etwString(locale, EVENT_KIND_LABELS[kind]),
    link: link('events', { id: doc.id, slug: doc.slug ?? '' }),
    locale: served,
    organizers: (doc.organizers ?? []).flatMap((value) => {
      const organization = organizations.get(String(relationId(value)))
      return organization ? [organization] : []
    }),
    participatingCountries,
    registrationDeadline: isoOrNull(doc.registrationDeadline),
    registrationUrl: doc.registrationUrl || null,
    slug: doc.slug ?? '',
    start,
    summary: doc.summary || null,
    timeZone,
    title: doc.title ?? '',
    updatedAt: isoOrNull(doc.updatedAt) ?? new Date(0).toISOString(),
    venue: doc.venue || null,
  }
}

/** The JSON item: the record without what only the iCalendar feed uses. */
export const toEventItem = ({
  description: _description,
  updatedAt: _updatedAt,
  ...item
}: EventRecord): EventItem => item

/**
 * `GET /api/etw/v1/events`: published events by `when` (default `upcoming`), `from`/`to`,
 * `country`, `limit` (default 5), `page` or `cursor`; with `q`, the events that match it, most
 * relevant first, each with its `highlight`.
 */
export const eventsRoute: RouteHandler<EventsParams> = {
  parameters: routeParameters('events'),
  parse: (query, context) => {
    const filters = parseEventFilters(query, context)
    const q = parseSearch(query.get('q'))
    const paging = parsePaging(query, cursorOrder(filters.when), context)
    refuseCursorWithSearch(q, paging.cursor)
    return {
      ...filters,
      ...paging,
      limit: parseLimit(query.get('limit'), DEFAULT_EVENTS_LIMIT, context.maxLimit),
      q,
    }
  },
  normalize: ({ cursor, from, to, ...params }): NormalizedParams => ({
    ...params,
    cursor: cursor && encodeCursor(cursor),
    from: from?.toISOString(),
    to: to?.toISOString(),
  }),
  produce: async (params, context) => {
    const page = await queryEvents(params, context)
    const response: EventsResponse = {
      hasNextPage: page.hasNextPage,
      items: page.items.map(toEventItem),
      limit: params.limit,
      locale: params.locale,
      nextCursor: page.nextCursor,
      page: page.page,
      when: params.when,
    }
    return jsonBody(response)
  },
}
