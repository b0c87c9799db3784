import type { Highlight } from '@etw/client'

import { html } from 'ghtml'

import type { EventRecord } from '../feed/events'
import type { RouteBody, RouteContext } from '../feed/handler'
import type { NewsPage } from '../feed/news'

import { queryEvents } from '../feed/events'
import { invalidParameter } from '../feed/errors'
import { queryNews } from '../feed/news'
import { parsePage, parseSearch } from '../feed/params'
import { absoluteUrl } from '../feed/urls'
import { renderDocument } from './layout'
import { HTML_TYPE, listHref } from './shared'
import { loadSite } from './site'
import { formatDay, formatInZone, pageText } from './text'

/** News on one page of search results; the best events are shown beside the first page. */
export const SEARCH_PAGE_SIZE = 10

/** Query of `/{locale}/search`. */
export interface SearchPageParams {
  q: string | undefined
  page: number
}

/** Reads the query of the search page; a bad `q` or `page` is a 400 naming it. */
export const parseSearchPage = (query: ReadonlyMap<string, string>): SearchPageParams => ({
  page: parsePage(query.get('page')),
  q: query.get('q')?.trim() === '' ? undefined : parseSearch(query.get('q')),
})

/** `text` with the ranges of its highlight in `<mark>`, every part escaped. */
export const markedText = (text: string, found: Highlight | undefined): string => {
  if (!found) return html`${text}`
  let at = 0
  let out = ''
  for (const [start, end] of found.ranges) {
    out += html`${found.text.slice(at, start)}<mark>${found.text.slice(start, end)}</mark>`
    at = end
  }
  return out + html`${found.text.slice(at)}`
}

const fieldOf = (item: { highlight?: Highlight[] }, field: Highlight['field']) =>
  item.highlight?.find((found) => found.field === field)

/** The summary line of a result: the summary, else the body's excerpt, marked. */
const summaryOf = (item: { highlight?: Highlight[]; summary: string | null }) => {
  const body = fieldOf(item, 'body')
  if (body && !fieldOf(item, 'summary')) return html`<p>…!${markedText(body.text, body)}…</p>`
  return item.summary ? html`<p>!${markedText(item.summary, fieldOf(item, 'summary'))}</p>` : ''
}

const newsResults = (page: NewsPage, locale: string) =>
  page.items.map(
    (item) =>
      html`<li>
        <h3>
          <a href="/${locale}/news/${encodeURIComponent(item.slug)}"
            >!${markedText(item.title, fieldOf(item, 'title'))}</a
          >
        </h3>
        <p class="meta">
          <time datetime="${item.publishedAt}">${formatDay(locale, item.publishedAt)}</time
          >!${item.organization ? html` · ${item.organization.name}` : ''}
        </p>
        !${summaryOf(item)}
      </li>`,
  )

const eventResults = (items: readonly EventRecord[], locale: string) =>
  items.map(
    (item) =>
      html`<li>
        <h3>
          <a href="/${locale}/events/${encodeURIComponent(item.slug)}"
            >!${markedText(item.title, fieldOf(item, 'title'))}</a
          >
        </h3>
        <p class="meta">
          <time datetime="${item.start}">${formatInZone(locale, item.start, item.timeZone)}</time>
          (${item.timeZone})!${item.city ? html` · ${item.city}` : ''}
        </p>
        !${summaryOf(item)}
      </li>`,
  )

/**
 * `/{locale}/search?q=`: a search form that works without JavaScript and, with `q`, the matching
 * published news (ten a page, most relevant first) and, on the first page, the best events; the
 * matched words are marked.
 */
export const renderSearchPage = async (
  locale: string,
  params: SearchPageParams,
  context: RouteContext,
): Promise<RouteBody> => {
  const { q } = params
  const [site, news, events] = await Promise.all([
    loadSite(context, locale),
    q === undefined
      ? undefined
      : queryNews(
          {
            country: undefined,
            cursor: undefined,
            limit: SEARCH_PAGE_SIZE,
            locale,
            organization: undefined,
            page: params.page,
            q,
            tag: undefined,
          },
          context,
        ),
    q === undefined || params.page > 1
      ? undefined
      : queryEvents(
          {
            country: undefined,
            cursor: undefined,
            from: undefined,
            limit: SEARCH_PAGE_SIZE,
            locale,
            page: 1,
            q,
            to: undefined,
            when: 'all',
          },
          context,
        ),
  ])
  if (params.page > 1 && news?.items.length === 0) {
    throw invalidParameter('page', 'There is no such page.')
  }
  const base = `/${locale}/search`
  const title = q
    ? pageText(locale, 'pageSearchResults').replace('{{q}}', q)
    : pageText(locale, 'pageSearch')
  const nothing = news?.items.length === 0 && events?.items.length === 0
  const pager =
    q && news && (params.page > 1 || news.hasNextPage)
      ? html`<nav class="pages" aria-label="${pageText(locale, 'pageNews')}">
          !${params.page > 1 ? html`<a rel="prev" href="${listHref(base, { page: params.page - 1, q })}">${pageText(locale, 'pagePrevious')}</a>` : '<span></span>'}!${news.hasNextPage ? html`<a rel="next" href="${listHref(base, { page: params.page + 1, q })}">${pageText(locale, 'pageNext')}</a>` : ''}
        </nav>`
      : ''
  const main = html`<h1>${title}</h1>
    <form role="search" method="get" action="${base}" class="search">
      <label for="q">${pageText(locale, 'pageSearchLabel')}</label>
      <input
        id="q"
        name="q"
        type="search"
        maxlength="200"
        required
        value="${q ?? ''}"
        aria-describedby="q-hint"
      />
      <button type="submit">${pageText(locale, 'pageSearch')}</button>
      <p id="q-hint" class="meta">${pageText(locale, 'pageSearchHint')}</p>
    </form>
    !${nothing ? html`<p role="status">${pageText(locale, 'pageSearchNothing')}</p>` : ''}
    !${
      news?.items.length
        ? html`<section aria-labelledby="found-news">
            <h2 id="found-news">${pageText(locale, 'pageNews')}</h2>
            <ul class="items">
              !${newsResults(news, locale)}
            </ul>
            !${pager}
          </section>`
        : ''
    }
    !${
      events?.items.length
        ? html`<section aria-labelledby="found-events">
            <h2 id="found-events">${pageText(locale, 'pageEvents')}</h2>
            <ul class="items">
              !${eventResults(events.items, locale)}
            </ul>
          </section>`
        : ''
    }`
  const query = { page: params.page, q }
  return {
    body: renderDocument(
      {
        alternates: Object.fromEntries(
          context.locales.map((code) => [
            code,
            absoluteUrl(context.origin, listHref(`/${code}/search`, query)),
          ]),
        ),
        canonical: absoluteUrl(context.origin, listHref(base, query)),
        description: null,
        lang: locale,
        links: [],
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
