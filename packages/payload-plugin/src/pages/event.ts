import type { EventDetail } from '@etw/client'

import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { Site } from './site'

import { createLinkMaker } from '../feed/links'
import { relationId } from '../feed/relations'
import { richTextImageIds } from '../feed/richText'
import { loadLinkedDocumentUrls } from '../feed/routes/item'
import { readEventDetail } from '../feed/routes/eventItem'
import { EVENTS_SLUG } from '../slugs'
import { imageTag, loadResponsiveImages } from './images'
import { renderDocument } from './layout'
import { findCurrentSlug, HTML_TYPE, itemAlternates } from './shared'
import { loadSite } from './site'
import { countryName, formatInZone, languageName, pageText } from './text'

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
  const found = await readEventDetail({ locale, slug }, context)
  if (!found) {
    await findCurrentSlug(context, EVENTS_SLUG, slug, (current) => `/${locale}/events/${current}`)
    return null
  }
  const { doc, event } = found
  const contentLocale = event.locale
  const [site, images, urls] = await Promise.all([
    loadSite(context, locale),
    loadResponsiveImages(
      context.payload,
      [doc.cover, ...richTextImageIds(doc.description)],
      contentLocale,
      context.origin,
    ),
    createLinkMaker(context, locale).then((link) =>
      loadLinkedDocumentUrls(doc.description, context, locale, (kind, item) =>
        kind === 'news' ? `/${locale}/news/${encodeURIComponent(item.slug)}` : link(kind, item),
      ),
    ),
  ])
  const { richTextHtml } = await import('./richText')
  const description = richTextHtml(doc.description, {
    document: (relationTo, id) => urls.get(`${relationTo}:${String(id)}`),
    image: (id) => images.get(String(id)),
  })
  const coverId = relationId(doc.cover)
  const cover = coverId === undefined ? undefined : images.get(String(coverId))
  const place = [event.venue, event.city, event.country && countryName(locale, event.country)]
    .filter(Boolean)
    .join(', ')
  const registrationOpen =
    event.registrationUrl &&
    (!event.registrationDeadline || new Date(event.registrationDeadline) > now) &&
    new Date(event.end) > now
  const alternates = itemAlternates(context, 'events', slug)
  const canonical = alternates[locale]!
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
          <dd>${place}</dd>`
      : '',
    html`<dt>${pageText(locale, 'pageFormat')}</dt>
      <dd>${pageText(locale, `pageFormat_${event.format}`)}</dd>`,
    html`<dt>${pageText(locale, 'pageKind')}</dt>
      <dd>${pageText(locale, `pageKind_${event.kind}`)}</dd>`,
    event.organizers.length
      ? html`<dt>${pageText(locale, 'pageOrganizers')}</dt>
          <dd>${event.organizers.map((organization) => organization.name).join(', ')}</dd>`
      : '',
    event.participatingCountries.length
      ? html`<dt>${pageText(locale, 'pageParticipatingCountries')}</dt>
          <dd>
            ${new Intl.ListFormat(locale).format(event.participatingCountries.map((code) => countryName(locale, code)))}
          </dd>`
      : '',
    event.participants.length
      ? html`<dt>${pageText(locale, 'pageParticipants')}</dt>
          <dd>
            ${event.participants.map((group) => `${new Intl.NumberFormat(locale).format(group.count)} ${group.label}`.trim()).join(', ')}
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
  const shownIn =
    contentLocale === locale
      ? ''
      : html`<p class="meta" lang="${locale}">
          ${pageText(locale, 'pageShownIn')} ${languageName(contentLocale)}
        </p>`
  const main = html`<article>
    !${shownIn}
    <h1>${event.title}</h1>
    !${event.summary ? html`<p class="lead">${event.summary}</p>` : ''}
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
    !${cover ? `<figure>${imageTag(cover, '(min-width: 48rem) 46rem, 100vw', true)}</figure>` : ''}
    <div class="body">!${description}</div>
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
  return {
    body: renderDocument(
      {
        alternates,
        canonical,
        description: event.summary,
        image: cover ? { alt: cover.alt, url: cover.src } : null,
        jsonLd,
        lang: contentLocale,
        locale,
        main,
        site,
        title: event.title,
        type: 'article',
      },
      context,
    ),
    contentType: HTML_TYPE,
    site,
  }
}

const absoluteOrigin = (context: RouteContext) =>
  context.origin ? `${context.origin}/` : undefined
