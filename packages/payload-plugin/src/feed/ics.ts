import type { ICalCalendar } from 'ical-generator'

import ical from 'ical-generator'
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library'

import type { EventRecord, EventsParams } from './events'
import type { NormalizedParams, RouteHandler } from './handler'

import { notFound } from './errors'
import { parseEventFilters, queryEvents } from './events'
import { parseDocumentId, parseLimit } from './params'
import { uidHost } from './urls'
import { routeParameters } from '../contract/routes'

/** Events in `events.ics` when `limit` is absent. */
export const DEFAULT_ICS_LIMIT = 20

/** Content type of the iCalendar feed. */
export const ICS_TYPE = 'text/calendar; charset=utf-8'

/** Parameters of `events.ics`. */
export type EventsIcsParams = Omit<EventsParams, 'cursor' | 'page'>

const knownZones = new Set<string>([tzlib_get_timezones()].flat())

/**
 * The `VTIMEZONE` component of an IANA zone, from `timezones-ical-library`; `null` for a zone it
 * does not know (the event then still names its `TZID`).
 */
export const vtimezone = (timeZone: string): string | null => {
  if (!knownZones.has(timeZone)) return null
  try {
    const block = tzlib_get_ical_block(timeZone)
    const component = Array.isArray(block) ? block[0] : undefined
    return component?.startsWith('BEGIN:VTIMEZONE') ? component : null
  } catch {
    return null
  }
}

const wallClock = (instant: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      month: '2-digit',
      second: '2-digit',
      timeZone,
      year: 'numeric',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  return {
    date: `${parts.year}${parts.month}${parts.day}`,
    time: `${parts.hour}${parts.minute}${parts.second}`,
  }
}

/**
 * An instant that `ical-generator` writes as local time in the event's zone (`DTSTART;TZID=…`). The
 * library reads dates through a Day.js-shaped interface (`tz`, `format`), which this implements
 * with `Intl`, so no date library is needed.
 */
export const zonedInstant = (instant: Date, timeZone = 'UTC') => {
  const local = wallClock(instant, timeZone)
  return {
    format: (format?: string): string =>
      format === 'YYYYMMDD' ? local.date : format === 'HHmmss' ? local.time : instant.toISOString(),
    isValid: () => !Number.isNaN(instant.getTime()),
    toDate: () => new Date(instant),
    toJSON: () => instant.toISOString(),
    tz: (zone?: string) => zonedInstant(instant, zone ?? timeZone),
    utc: () => zonedInstant(instant, 'UTC'),
  }
}

const countryNames = new Map<string, Intl.DisplayNames>()

const countryName = (code: string, locale: string): string => {
  let names = countryNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { fallback: 'code', type: 'region' })
    countryNames.set(locale, names)
  }
  return names.of(code) ?? code
}

/** The calendar of `events`: one `VEVENT` each, in its own time zone, with the `VTIMEZONE`s used. */
export const buildCalendar = (
  events: readonly EventRecord[],
  { locale, origin }: { locale: string; origin: string },
): ICalCalendar => {
  const calendar = ical({
    name: 'eTwinning Hub — Events',
    prodId: { company: 'eTwinning Hub', language: locale.toUpperCase(), product: 'Feed' },
    timezone: { generator: vtimezone, name: null },
  })
  const host = uidHost(origin)
  for (const event of events) {
    const location = [event.venue, event.city, event.country && countryName(event.country, locale)]
      .filter(Boolean)
      .join(', ')
    calendar.createEvent({
      description: event.description,
      end: zonedInstant(new Date(event.end), event.timeZone),
      id: `${event.id}@${host}`,
      location: location || null,
      stamp: new Date(event.updatedAt),
      start: zonedInstant(new Date(event.start), event.timeZone),
      summary: event.title,
      timezone: event.timeZone,
      url: event.link,
    })
  }
  return calendar
}

/**
 * `GET /api/etw/v1/events.ics`: iCalendar (RFC 5545) with the filters of `events` (`when`, `from`,
 * `to`, `country`, `locale`, `limit` default 20), or one event with `id` (any `when`; 404 when it
 * is not published). UIDs are `<id>@<host>`, `DTSTAMP` is the event's last change.
 */
export const eventsIcsRoute: RouteHandler<EventsIcsParams> = {
  parameters: routeParameters('eventsIcs'),
  parse: (query, context) => {
    const id = parseDocumentId('id', query.get('id'), context.idType)
    const filters = parseEventFilters(query, context)
    return {
      ...filters,
      id,
      limit: parseLimit(query.get('limit'), DEFAULT_ICS_LIMIT, context.maxLimit),
      // A single event's calendar link keeps working after the event is over.
      when: id !== undefined && !query.has('when') ? 'all' : filters.when,
    }
  },
  normalize: ({ from, to, ...params }): NormalizedParams => ({
    ...params,
    from: from?.toISOString(),
    id: params.id === undefined ? undefined : String(params.id),
    to: to?.toISOString(),
  }),
  produce: async (params, context) => {
    const { items } = await queryEvents({ ...params, cursor: undefined, page: 1 }, context)
    if (params.id !== undefined && items.length === 0) {
      throw notFound(`No published event has the id "${String(params.id)}".`)
    }
    const calendar = buildCalendar(items, { ...context, locale: params.locale })
    return { body: calendar.toString(), contentType: ICS_TYPE }
  },
}
