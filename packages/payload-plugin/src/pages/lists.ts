import type { EventsWhen, StatsResponse } from '@etw/client'

import { html } from 'ghtml'

import type { EventRecord } from '../feed/events'
import type { RouteBody, RouteContext } from '../feed/handler'
import type { NewsPage } from '../feed/news'

import { FEED_ROUTES } from '../feed/routes'
import { queryEvents } from '../feed/events'
import { invalidParameter } from '../feed/errors'
import { queryNews } from '../feed/news'
import { parseCountry, parseEnum, parsePage, parseSlug, parseTag } from '../feed/params'
import { statsRoute } from '../feed/stats'
import { absoluteUrl } from '../feed/urls'
import { renderDocument } from './layout'
import { HTML_TYPE, listHref, pageAlternates, rssLink } from './shared'
import { loadSite } from './site'
import { countryName, formatDay, formatInZone, pageText } from './text'

/** Items on one page of a list. */
export const LIST_PAGE_SIZE = 10

/** Query of `/{locale}/news`. */
export interface NewsListParams {
  page: number
  country: string | undefined
  organization: string | undefined
  tag: string | undefined
}

/** Query of `/{locale}/events`. */
export interface EventsListParams {
  page: number
  when: Exclude<EventsWhen, 'all'>
}

/** Reads the query of the news list; a bad value is a 400 naming it. */
export const parseNewsList = (query: ReadonlyMap<string, string>): NewsListParams => ({
  country: parseCountry(query.get('country')),
  organization: parseSlug('organization', query.get('organization')),
  page: parsePage(query.get('page')),
  tag: parseTag(query.get('tag')),
})

/** Reads the query of the events list. */
export const parseEventsList = (query: ReadonlyMap<string, string>): EventsListParams => ({
  page: parsePage(query.get('page')),
  when: parseEnum('when', query.get('when'), ['upcoming', 'past'] as const, 'upcoming'),
})

const newsItems = (page: NewsPage, locale: string, level: 2 | 3) =>
  page.items.map(
    (item) =>
      html`<li><h${level} dir="auto"><a href="/${locale}/news/${encodeURIComponent(item.slug)}">${item.title}</a></h${level}><p class="meta"><time datetime="${item.publishedAt}">${formatDay(locale, item.publishedAt)}</time>!${item.organization ? html` · <bdi>${item.organization.name}</bdi>` : ''}!${item.country ? html` · ${countryName(locale, item.country)}` : ''}</p>!${item.summary ? html`<p dir="auto">${item.summary}</p>` : ''}</li>`,
  )

const eventItems = (items: readonly EventRecord[], locale: string, level: 2 | 3) =>
  items.map(
    (item) =>
      html`<li><h${level} dir="auto"><a href="/${locale}/events/${encodeURIComponent(item.slug)}">${item.title}</a></h${level}><p class="meta"><time datetime="${item.start}">${formatInZone(locale, item.start, item.timeZone)}</time> (${item.timeZone})!${item.city ? html` · <bdi>${item.city}</bdi>` : ''}</p>!${item.summary ? html`<p dir="auto">${item.summary}</p>` : ''}</li>`,
  )

const pager = (
  base: string,
  params: Record<string, string | number | undefined>,
  page: number,
  hasNext: boolean,
  locale: string,
) =>
  page > 1 || hasNext
    ? html`<nav class="pages" aria-label="${pageText(locale, 'pageNews')}">
        !${page > 1 ? html`<a rel="prev" href="${listHref(base, { ...params, page: page - 1 })}">${pageText(locale, 'pageNewer')}</a>` : '<span></span>'}!${hasNext ? html`<a rel="next" href="${listHref(base, { ...params, page: page + 1 })}">${pageText(locale, 'pageOlder')}</a>` : ''}
      </nav>`
    : ''

/** `/{locale}/news`: published news, newest first, ten a page, by country, organization and tag. */
export const renderNewsList = async (
  locale: string,
  params: NewsListParams,
  context: RouteContext,
): Promise<RouteBody> => {
  const [site, page] = await Promise.all([
    loadSite(context, locale),
    queryNews({ ...params, cursor: undefined, limit: LIST_PAGE_SIZE, locale }, context),
  ])
  if (params.page > 1 && page.items.length === 0)
    throw invalidParameter('page', 'There is no such page.')
  const filters = { country: params.country, organization: params.organization, tag: params.tag }
  const base = `/${locale}/news`
  const title = pageText(locale, 'pageNews')
  const filterText = [
    params.country && countryName(locale, params.country),
    params.organization,
    params.tag,
  ]
    .filter(Boolean)
    .join(', ')
  const main = html`<h1>${title}</h1>
    !${filterText ? html`<p class="meta">${pageText(locale, 'pageFilteredBy')} <bdi>${filterText}</bdi> · <a href="${base}">${pageText(locale, 'pageAllNews')}</a></p>` : ''}
    !${
      page.items.length
        ? html`<ul class="items">
            !${newsItems(page, locale, 2)}
          </ul>`
        : html`<p>${pageText(locale, 'pageNoNews')}</p>`
    }
    !${pager(base, filters, params.page, page.hasNextPage, locale)}
    <p>
      <a
        href="${absoluteUrl(context.origin, `${context.apiRoute}${FEED_ROUTES.newsRss}?locale=${locale}`)}"
        >${pageText(locale, 'pageRss')}</a
      >
    </p>`
  const canonical = absoluteUrl(context.origin, listHref(base, { ...filters, page: params.page }))
  return {
    body: renderDocument(
      {
        alternates: Object.fromEntries(
          context.locales.map((code) => [
            code,
            absoluteUrl(
              context.origin,
              listHref(`/${code}/news`, { ...filters, page: params.page }),
            ),
          ]),
        ),
        canonical,
        description: null,
        lang: locale,
        links: [rssLink(context, locale, site)],
        locale,
        main,
        site,
        title,
        type: 'website',
      },
      context,
    ),
    contentType: HTML_TYPE,
  }
}

/** `/{locale}/events`: upcoming (soonest first) or past (latest first) events, ten a page. */
export const renderEventsList = async (
  locale: string,
  params: EventsListParams,
  context: RouteContext,
): Promise<RouteBody> => {
  const [site, page] = await Promise.all([
    loadSite(context, locale),
    queryEvents(
      {
        country: undefined,
        cursor: undefined,
        from: undefined,
        limit: LIST_PAGE_SIZE,
        locale,
        page: params.page,
        to: undefined,
        when: params.when,
      },
      context,
    ),
  ])
  if (params.page > 1 && page.items.length === 0)
    throw invalidParameter('page', 'There is no such page.')
  const base = `/${locale}/events`
  const title = pageText(locale, params.when === 'past' ? 'pagePastEvents' : 'pageUpcomingEvents')
  const ics = `${context.apiRoute}${FEED_ROUTES.eventsIcs}?locale=${locale}`
  const webcal = context.origin
    ? `webcal://${context.origin.replace(/^https?:\/\//, '')}${ics}`
    : ics
  const other = params.when === 'past' ? 'upcoming' : 'past'
  const main = html`<h1>${title}</h1>
    <p class="actions">
      <a href="${listHref(base, { when: other === 'upcoming' ? undefined : other })}"
        >${pageText(locale, other === 'past' ? 'pagePastEvents' : 'pageUpcomingEvents')}</a
      >
      <a href="${webcal}">${pageText(locale, 'pageSubscribe')}</a>
    </p>
    !${
      page.items.length
        ? html`<ul class="items">
            !${eventItems(page.items, locale, 2)}
          </ul>`
        : html`<p>${pageText(locale, 'pageNoEvents')}</p>`
    }
    !${pager(base, { when: params.when === 'upcoming' ? undefined : params.when }, params.page, page.hasNextPage, locale)}`
  const query = { page: params.page, when: params.when === 'upcoming' ? undefined : params.when }
  return {
    body: renderDocument(
      {
        alternates: Object.fromEntries(
          context.locales.map((code) => [
            code,
            absoluteUrl(context.origin, listHref(`/${code}/events`, query)),
          ]),
        ),
        canonical: absoluteUrl(context.origin, listHref(base, query)),
        description: null,
        lang: locale,
        links: [
          {
            href: absoluteUrl(context.origin, ics),
            rel: 'alternate',
            title: `${site.name} — iCalendar`,
            type: 'text/calendar',
          },
        ],
        locale,
        main,
        site,
        title,
        type: 'website',
      },
      context,
    ),
    contentType: HTML_TYPE,
  }
}

/** `/` and `/{locale}`: latest news, upcoming events and the programme's counters. */
export const renderHome = async (
  locale: string,
  context: RouteContext,
  path: string,
): Promise<RouteBody> => {
  const [site, news, events, stats] = await Promise.all([
    loadSite(context, locale),
    queryNews(
      {
        country: undefined,
        cursor: undefined,
        limit: 5,
        locale,
        organization: undefined,
        page: 1,
        tag: undefined,
      },
      context,
    ),
    queryEvents(
      {
        country: undefined,
        cursor: undefined,
        from: undefined,
        limit: 5,
        locale,
        page: 1,
        to: undefined,
        when: 'upcoming',
      },
      context,
    ),
    statsRoute
      .produce(statsRoute.parse(new Map([['locale', locale]]), context), context)
      .then(({ body }) => JSON.parse(body) as StatsResponse),
  ])
  const number = new Intl.NumberFormat(locale)
  const counters = stats.metrics.map(
    (metric) =>
      html`<li>
        <strong>${number.format(metric.value)}${metric.approximate ? '+' : ''}</strong>
        ${metric.label}
      </li>`,
  )
  const main = html`<h1>${site.name}</h1>
    !${
      counters.length
        ? html`<section aria-labelledby="figures">
            <h2 id="figures">${pageText(locale, 'pageProgramme')}</h2>
            <ul class="counters">
              !${counters}
            </ul>
          </section>`
        : ''
    }
    <section aria-labelledby="latest">
      <h2 id="latest">${pageText(locale, 'pageLatestNews')}</h2>
      !${
        news.items.length
          ? html`<ul class="items">
              !${newsItems(news, locale, 3)}
            </ul>`
          : html`<p>${pageText(locale, 'pageNoNews')}</p>`
      }
      <p><a href="/${locale}/news">${pageText(locale, 'pageAllNews')}</a></p>
    </section>
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">${pageText(locale, 'pageUpcomingEvents')}</h2>
      !${
        events.items.length
          ? html`<ul class="items">
              !${eventItems(events.items, locale, 3)}
            </ul>`
          : html`<p>${pageText(locale, 'pageNoEvents')}</p>`
      }
      <p><a href="/${locale}/events">${pageText(locale, 'pageAllEvents')}</a></p>
    </section>`
  return {
    body: renderDocument(
      {
        alternates: pageAlternates(context, ''),
        canonical: absoluteUrl(context.origin, path),
        description: null,
        lang: locale,
        links: [rssLink(context, locale, site)],
        locale,
        main,
        site,
        title: site.name,
        type: 'website',
      },
      context,
    ),
    contentType: HTML_TYPE,
  }
}
