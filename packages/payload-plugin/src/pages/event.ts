import type { EventDetail } from '@etw/client'

import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { EventDetailDoc } from '../feed/routes/eventItem'
import type { PageDocument } from './layout'
import type { Site } from './site'

import { findEventDetailDoc, toEventDetail } from '../feed/routes/eventItem'
import { EVENTS_SLUG } from '../slugs'
import { itemPageBody, readItemPage } from './item'
import { findCurrentSlug } from './shared'
import { countryName, formatInZone, listFormat, numberFormat, pageText } from './text'

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/** "Add to calendar" links: Google Calendar and Outlook.com. */
export const calendarLinks = (event: EventDetail, location: string, details: string) => {
  const google = new URL('https://calendar.google.com/calendar/render')
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    ctz: event.timeZone,
    dates: `${compact(event.start)}/${compact(event.end)}`,
    details,
    location,
    text: event.title,
  }).toString()
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose')
  outlook.search = new URLSearchParams({
    body: details,
    enddt: event.end,
    location,
    path: '/calendar/action/compose',
    rru: 'addevent',
    startdt: event.start,
    subject: event.title,
  }).toString()
  return { google: google.toString(), outlook: outlook.toString() }
}

const ATTENDANCE = {
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
} as const

/**
 * `/{locale}/events/{slug}`: a published event as a page — start and end in the event's time zone
 * with the zone named, format, kind, venue, countries by name, participant counts, registration
 * (gone once its deadline has passed), "Add to calendar" — with its `Event` structured data.
 */
export const renderEventPage = async (
  { locale, slug }: { locale: string; slug: string },
  context: RouteContext,
  now: Date = new Date(),
): Promise<(RouteBody & { site: Site }) | null> => {
  const found = await findEventDetailDoc({ locale, slug }, context)
  if (!found) {
    await findCurrentSlug(context, EVENTS_SLUG, slug, (current) => `/${locale}/events/${current}`)
    return null
  }
  return renderEvent(found, locale, context, now)
}

/**
 * The page of an event document read in `found.locale` (the published event, or a draft for its
 * preview), at the address of locale `locale`, with the preview's `frame` around it.
 */
export const renderEvent = async (
  found: { doc: EventDetailDoc; locale: string },
  locale: string,
  context: RouteContext,
  now: Date = new Date(),
  frame?: PageDocument['frame'],
): Promise<RouteBody & { site: Site }> => {
  const {
    item: event,
    parts,
    source,
  } = await readItemPage(
    found,
    { kind: 'events', richText: found.doc.description },
    locale,
    context,
    toEventDetail,
  )
  const contentLocale = found.locale
  const { canonical, cover, site } = parts
  const place = [event.venue, event.city, event.country && countryName(locale, event.country)]
    .filter(Boolean)
    .join(', ')
  const registrationOpen =
    event.registrationUrl &&
    (!event.registrationDeadline || new Date(event.registrationDeadline) > now) &&
    new Date(event.end) > now
  const calendars = calendarLinks(event, place, `${event.summary ?? ''}\n${canonical}`.trim())
  const facts = [
    html`<dt>${pageText(locale, 'pageWhen')}</dt>
      <dd>
        <time datetime="${event.start}">${formatInZone(locale, event.start, event.timeZone)}</time>
        –
        <time datetime="${event.end}">${formatInZone(locale, event.end, event.timeZone)}</time>
        (${pageText(locale, 'pageTimeZone')}: ${event.timeZone})
      </dd>`,
    place
      ? html`<dt>${pageText(locale, 'pageWhere')}</dt>
          <dd dir="auto">${place}</dd>`
      : '',
    html`<dt>${pageText(locale, 'pageFormat')}</dt>
      <dd>${pageText(locale, `pageFormat_${event.format}`)}</dd>`,
    html`<dt>${pageText(locale, 'pageKind')}</dt>
      <dd>${pageText(locale, `pageKind_${event.kind}`)}</dd>`,
    event.organizers.length
      ? html`<dt>${pageText(locale, 'pageOrganizers')}</dt>
          <dd dir="auto">
            ${event.organizers.map((organization) => organization.name).join(', ')}
          </dd>`
      : '',
    event.participatingCountries.length
      ? html`<dt>${pageText(locale, 'pageParticipatingCountries')}</dt>
          <dd>
            ${listFormat(locale).format(event.participatingCountries.map((code) => countryName(locale, code)))}
          </dd>`
      : '',
    event.participants.length
      ? html`<dt>${pageText(locale, 'pageParticipants')}</dt>
          <dd>
            ${event.participants.map((group) => `${numberFormat(locale).format(group.count)} ${group.label}`.trim()).join(', ')}
          </dd>`
      : '',
  ]
  const registration = registrationOpen
    ? html`<p>
        <a class="register" href="${event.registrationUrl ?? ''}" rel="noopener"
          >${pageText(locale, 'pageRegister')}</a
        >!${
          event.registrationDeadline
            ? html` <span class="meta"
                >${pageText(locale, 'pageRegistrationUntil')}
                <time datetime="${event.registrationDeadline}"
                  >${formatInZone(locale, event.registrationDeadline, event.timeZone)}</time
                ></span
              >`
            : ''
        }
      </p>`
    : ''
  const main = html`<article>
    !${parts.shownIn}
    <h1 dir="auto">${event.title}</h1>
    !${event.summary ? html`<p class="lead" dir="auto">${event.summary}</p>` : ''}
    <dl class="facts">!${facts}</dl>
    !${registration}
    <section aria-labelledby="calendar">
      <h2 id="calendar">${pageText(locale, 'pageAddToCalendar')}</h2>
      <p class="actions">
        <a href="${event.icsUrl}&amp;locale=${contentLocale}" type="text/calendar" download
          >${pageText(locale, 'pageCalendarFile')}</a
        >
        <a href="${calendars.google}" rel="noopener">Google Calendar</a>
        <a href="${calendars.outlook}" rel="noopener">Outlook</a>
      </p>
    </section>
    !${parts.figure}
    <div class="body">!${parts.bodyHtml}</div>
  </article>`
  const organizer = event.organizers[0]
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    description: event.summary ?? undefined,
    endDate: event.end,
    eventAttendanceMode: ATTENDANCE[event.format],
    eventStatus: 'https://schema.org/EventScheduled',
    image: cover ? cover.candidates.map((candidate) => candidate.url) : undefined,
    inLanguage: contentLocale,
    location:
      event.format === 'online'
        ? { '@type': 'VirtualLocation', url: event.registrationUrl ?? canonical }
        : {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              addressCountry: event.country ?? undefined,
              addressLocality: event.city ?? undefined,
              streetAddress: event.venue ?? undefined,
            },
            name: event.venue ?? event.city ?? place,
          },
    name: event.title,
    organizer: organizer
      ? { '@type': 'Organization', name: organizer.name }
      : { '@type': 'Organization', name: site.name, url: absoluteOrigin(context) },
    startDate: event.start,
    url: canonical,
  }
  return itemPageBody(
    parts,
    source,
    { description: event.summary, frame, jsonLd, main, title: event.title },
    context,
  )
}

const absoluteOrigin = (context: RouteContext) =>
  context.origin ? `${context.origin}/` : undefined
