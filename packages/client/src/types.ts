/**
 * Types of the public feed API (`/api/etw/v1/…`): the shapes the CMS answers with and the
 * parameters it takes. Generated from the feed's contract (`packages/payload-plugin/src/contract`)
 * by `pnpm generate`: change the contract, not this file.
 */

/**
 * ISO 3166-1 alpha-2 country code, upper case (`'AZ'`).
 */
export type CountryCode = string

/**
 * A built-in metric (`teachers`, `schools`, `projects`, `students`, `countries`) or a custom key.
 */
export type MetricKey =
  'countries' | 'projects' | 'schools' | 'students' | 'teachers' | (string & {})

/**
 * A content locale of the CMS (`en`, `uk`, `az`).
 */
export type Locale = string

/**
 * What a statistic or a filter is about.
 */
export type Scope =
  | {
      kind: 'programme'
    }
  | {
      kind: 'country'
      country: CountryCode
    }
  | {
      kind: 'organization'
      /**
       * The organization's slug.
       */
      organization: string
    }

/**
 * Where a figure or an article comes from.
 */
export interface Source {
  title: string | null
  url: string | null
}

/**
 * One point of a metric's history.
 */
export interface StatPoint {
  value: number
  /**
   * Shown as "160,000+": the real value is at least `value`.
   */
  approximate: boolean
  /**
   * ISO date (`YYYY-MM-DD`) the figure refers to.
   */
  asOf: string
  source: Source | null
}

/**
 * Formatted by the server in the response's locale (Node has every locale's data), for readers whose browser lacks it.
 */
export interface StatFormatted {
  /**
   * `value` as a number in the locale (`4.308` in `az`), without the "+" of `approximate`.
   */
  value: string
  /**
   * `asOf` as a medium date (`15 may 2023` in `az`).
   */
  asOf: string
}

/**
 * The snapshot before the latest one, for "+128 since May 2023": its value and date.
 */
export interface StatPrevious {
  value: number
  /**
   * ISO date (`YYYY-MM-DD`) the figure refers to.
   */
  asOf: string
  formatted: StatFormatted
}

/**
 * One metric's latest value for a scope.
 */
export interface StatMetric {
  key: MetricKey
  /**
   * Label in the requested locale.
   */
  label: string
  value: number
  /**
   * Shown as "160,000+": the real value is at least `value`.
   */
  approximate: boolean
  /**
   * ISO date (`YYYY-MM-DD`) the figure refers to.
   */
  asOf: string
  source: Source | null
  formatted: StatFormatted
  /**
   * The latest snapshot dated before `asOf` in the same scope; `null` when there is none.
   */
  previous: StatPrevious | null
}

/**
 * A metric and its label.
 */
export interface MetricName {
  key: MetricKey
  /**
   * Label in the requested locale.
   */
  label: string
}

/**
 * `GET /api/etw/v1/stats`: the latest value of each metric for a scope.
 */
export interface StatsResponse {
  scope: Scope
  locale: Locale
  metrics: StatMetric[]
}

/**
 * `GET /api/etw/v1/stats/history`: the time series of one metric, oldest first.
 */
export interface StatsHistoryResponse {
  scope: Scope
  locale: Locale
  metric: MetricName
  /**
   * Oldest first.
   *
   * @maxItems 1000
   */
  points: StatPoint[]
}

/**
 * One country's latest value of a metric.
 */
export interface StatCountry {
  country: CountryCode
  value: number
  /**
   * Shown as "160,000+": the real value is at least `value`.
   */
  approximate: boolean
  /**
   * ISO date (`YYYY-MM-DD`) the figure refers to.
   */
  asOf: string
  source: Source | null
}

/**
 * `GET /api/etw/v1/stats/compare`: the latest value of one metric in several countries.
 */
export interface StatsCompareResponse {
  locale: Locale
  metric: MetricName
  /**
   * The countries asked for that have a snapshot of the metric: highest value first, then by code.
   *
   * @maxItems 50
   */
  countries: StatCountry[]
  /**
   * The countries asked for without a snapshot of the metric, in the order given.
   *
   * @maxItems 50
   */
  missing: CountryCode[]
}

/**
 * The widths of an image in one modern format, for `<picture><source type srcset>`.
 */
export interface FeedImageSource {
  type: 'image/avif' | 'image/webp'
  /**
   * `url 400w, url 768w, …`
   */
  srcset: string
}

/**
 * An image ready for `<img src srcset sizes width height alt>` (in a `<picture>` with `sources`). Every URL is content-addressed (`/media/<hash>/<file>`): the same URL always means the same bytes.
 */
export interface FeedImage {
  /**
   * The card-sized file (768 px wide when the original is larger).
   */
  url: string
  width: number | null
  height: number | null
  alt: string
  /**
   * Every stored width in the image's own format: `url 400w, url 768w, …`.
   */
  srcset: string
  /**
   * A default `sizes` for `srcset`: how wide a card shows the image.
   */
  sizes: string
  /**
   * The same widths as AVIF and WebP, best first; empty when there are none.
   */
  sources: FeedImageSource[]
}

/**
 * An organization as the feeds show it.
 */
export interface FeedOrganization {
  name: string
  slug: string
  country: CountryCode | null
}

/**
 * Where a search matched an item: one field, its plain text and the matched ranges in it.
 */
export interface Highlight {
  field: 'title' | 'summary' | 'body'
  /**
   * The field's plain text (never HTML); for `body`, an excerpt around the first match.
   */
  text: string
  /**
   * The matched words of `text` as `[start, end)` offsets in UTF-16 code units (JavaScript string indices), in order.
   */
  ranges: [number, number][]
}

/**
 * Formatted by the server in the response's locale (Node has every locale's data), for readers whose browser lacks it.
 */
export interface NewsFormatted {
  /**
   * `publishedAt` as a medium date (UTC) in the locale.
   */
  publishedAt: string
}

/**
 * One news item, flattened for display.
 */
export interface NewsItem {
  id: string
  title: string
  slug: string
  summary: string | null
  publishedAt: string
  image: FeedImage | null
  organization: FeedOrganization | null
  country: CountryCode | null
  tags: string[]
  /**
   * A page a person can read the item on: the host site's page when a link template is configured (the settings global, or a widget's `link-template`), else the CMS's public page (`/{locale}/news/{slug}`).
   */
  link: string
  /**
   * The original publication, when the item was first published elsewhere.
   */
  source: Source | null
  locale: Locale
  formatted: NewsFormatted
  /**
   * With `q` only: the fields that matched (title and summary; the body, as an excerpt, when neither did). Empty when only a transliteration or a folded spelling matched that the text does not show.
   */
  highlight?: Highlight[]
}

/**
 * Paging of list responses: `page`, or `cursor` from the previous page's `nextCursor`.
 */
export interface Page {
  limit: number
  /**
   * The page number, also when the page was reached with a cursor.
   */
  page: number
  hasNextPage: boolean
  /**
   * Opaque cursor for the next page (`cursor`), `null` on the last one.
   */
  nextCursor: string | null
}

/**
 * `GET /api/etw/v1/news`: one page of news, newest first (with `q`: most relevant first).
 */
export interface NewsResponse {
  limit: number
  /**
   * The page number, also when the page was reached with a cursor.
   */
  page: number
  hasNextPage: boolean
  /**
   * Opaque cursor for the next page (`cursor`), `null` on the last one.
   */
  nextCursor: string | null
  locale: Locale
  /**
   * @maxItems 50
   */
  items: NewsItem[]
}

/**
 * How people take part.
 */
export type EventFormat = 'in-person' | 'online' | 'hybrid'

/**
 * What kind of event it is.
 */
export type EventKind = 'seminar' | 'training' | 'meeting' | 'webinar' | 'conference'

/**
 * `upcoming`: not yet ended, soonest first; `past`: ended, latest first; `all`: chronological.
 */
export type EventsWhen = 'upcoming' | 'past' | 'all'

/**
 * Formatted by the server in the response's locale (Node has every locale's data), for readers whose browser lacks it.
 */
export interface EventFormatted {
  /**
   * `start`–`end` in `timeZone`, with the short name of the zone, in the locale.
   */
  range: string
  /**
   * The names of `participatingCountries` in the locale, joined as it lists them (`Azərbaycan və Ukrayna`); empty when there are none.
   */
  participatingCountries: string
}

/**
 * One event. `start` and `end` are ISO instants; show them in `timeZone`.
 */
export interface EventItem {
  id: string
  title: string
  slug: string
  summary: string | null
  start: string
  end: string
  /**
   * IANA time zone of the event (`'Asia/Baku'`).
   */
  timeZone: string
  format: EventFormat
  /**
   * Name of `format` in the response's locale ("Онлайн").
   */
  formatLabel: string
  kind: EventKind
  /**
   * Name of `kind` in the response's locale ("Семінар").
   */
  kindLabel: string
  venue: string | null
  city: string | null
  country: CountryCode | null
  participatingCountries: CountryCode[]
  registrationUrl: string | null
  registrationDeadline: string | null
  image: FeedImage | null
  organizers: FeedOrganization[]
  /**
   * iCalendar file with just this event.
   */
  icsUrl: string
  /**
   * A page a person can read the event on: its public page, `/{locale}/events/{slug}`.
   */
  link: string
  locale: Locale
  /**
   * `country`'s name in the response's locale (`Azərbaycan`).
   */
  countryName: string | null
  formatted: EventFormatted
  /**
   * With `q` only: the fields that matched (title and summary; the body, as an excerpt, when neither did). Empty when only a transliteration or a folded spelling matched that the text does not show.
   */
  highlight?: Highlight[]
}

/**
 * `GET /api/etw/v1/events`: one page of events.
 */
export interface EventsResponse {
  limit: number
  /**
   * The page number, also when the page was reached with a cursor.
   */
  page: number
  hasNextPage: boolean
  /**
   * Opaque cursor for the next page (`cursor`), `null` on the last one.
   */
  nextCursor: string | null
  locale: Locale
  when: EventsWhen
  /**
   * @maxItems 50
   */
  items: EventItem[]
}

/**
 * Inline formatting of a text run.
 */
export interface TextMarks {
  bold?: true
  italic?: true
  underline?: true
  strikethrough?: true
  code?: true
}

/**
 * A run of plain text (never markup) with its formatting.
 */
export interface RichTextText {
  bold?: true
  italic?: true
  underline?: true
  strikethrough?: true
  code?: true
  type: 'text'
  text: string
}

/**
 * A line break inside a block.
 */
export interface RichTextLineBreak {
  type: 'linebreak'
}

/**
 * A link to an absolute `http:`/`https:` URL or a `mailto:` address (vetted as at save time).
 */
export interface RichTextLink {
  type: 'link'
  url: string
  /**
   * Whether the editor asked for a new tab.
   */
  newTab: boolean
  children: (RichTextText | RichTextLineBreak)[]
}

/**
 * What a block contains.
 */
export type RichTextInline = RichTextText | RichTextLineBreak | RichTextLink

/**
 * One item of a list: its text, then any nested lists.
 */
export interface RichTextListItem {
  children: (RichTextInline | RichTextList)[]
}

/**
 * A bulleted or numbered list.
 */
export interface RichTextList {
  type: 'list'
  ordered: boolean
  items: RichTextListItem[]
}

/**
 * A paragraph.
 */
export interface RichTextParagraph {
  type: 'paragraph'
  children: RichTextInline[]
}

/**
 * A quotation.
 */
export interface RichTextQuote {
  type: 'quote'
  children: RichTextInline[]
}

/**
 * A heading; levels 2–6 (the page's title is the level-1 heading).
 */
export interface RichTextHeading {
  type: 'heading'
  level: 2 | 3 | 4 | 5 | 6
  children: RichTextInline[]
}

/**
 * An image from the media library.
 */
export interface RichTextImage {
  type: 'image'
  image: FeedImage
}

/**
 * One block of an article's body. The tree holds only these node types; anything else in the stored rich text is left out, and no node carries markup.
 */
export type RichTextBlock =
  RichTextHeading | RichTextImage | RichTextList | RichTextParagraph | RichTextQuote

/**
 * `GET /api/etw/v1/news/{slug}`: one published news item in full.
 */
export interface NewsArticle {
  id: string
  title: string
  slug: string
  summary: string | null
  publishedAt: string
  image: FeedImage | null
  organization: FeedOrganization | null
  country: CountryCode | null
  tags: string[]
  /**
   * A page a person can read the item on: the host site's page when a link template is configured (the settings global, or a widget's `link-template`), else the CMS's public page (`/{locale}/news/{slug}`).
   */
  link: string
  /**
   * The original publication, when the item was first published elsewhere.
   */
  source: Source | null
  locale: Locale
  formatted: NewsFormatted
  /**
   * ISO date-time of the last change.
   */
  updatedAt: string
  /**
   * The body as a vetted node tree.
   */
  body: RichTextBlock[]
  /**
   * Published events the item is about.
   */
  relatedEvents: {
    title: string
    slug: string
    start: string
    link: string
    /**
     * `start` as a medium date in the event's time zone. Formatted by the server in the response's locale (Node has every locale's data), for readers whose browser lacks it.
     */
    formatted: {
      start: string
    }
  }[]
}

/**
 * `GET /api/etw/v1/events/{slug}`: one published event in full.
 */
export interface EventDetail {
  id: string
  title: string
  slug: string
  summary: string | null
  start: string
  end: string
  /**
   * IANA time zone of the event (`'Asia/Baku'`).
   */
  timeZone: string
  format: EventFormat
  /**
   * Name of `format` in the response's locale ("Онлайн").
   */
  formatLabel: string
  kind: EventKind
  /**
   * Name of `kind` in the response's locale ("Семінар").
   */
  kindLabel: string
  venue: string | null
  city: string | null
  country: CountryCode | null
  participatingCountries: CountryCode[]
  registrationUrl: string | null
  registrationDeadline: string | null
  image: FeedImage | null
  organizers: FeedOrganization[]
  /**
   * iCalendar file with just this event.
   */
  icsUrl: string
  /**
   * A page a person can read the event on: its public page, `/{locale}/events/{slug}`.
   */
  link: string
  locale: Locale
  /**
   * `country`'s name in the response's locale (`Azərbaycan`).
   */
  countryName: string | null
  formatted: EventFormatted
  /**
   * ISO date-time of the last change.
   */
  updatedAt: string
  /**
   * The description as a vetted node tree.
   */
  description: RichTextBlock[]
  /**
   * Participant counts by group (`{ label: 'Teachers', count: 40 }`).
   */
  participants: {
    label: string
    count: number
  }[]
}

/**
 * The server and its database work.
 */
export interface HealthOk {
  status: 'ok'
  database: 'ok'
  /**
   * Seconds since the process started.
   */
  uptime: number
}

/**
 * The database did not answer.
 */
export interface HealthDegraded {
  status: 'degraded'
  database: 'unreachable'
  /**
   * Seconds since the process started.
   */
  uptime: number
}

/**
 * `GET /api/health`
 */
export type HealthResponse = HealthOk | HealthDegraded

/**
 * Machine-readable: branch on it.
 */
export type ErrorCode =
  'invalid_parameter' | 'unknown_parameter' | 'not_found' | 'method_not_allowed' | 'internal'

/**
 * Body of every 4xx/5xx answer of the feed API.
 */
export interface FeedErrorBody {
  error: {
    code: ErrorCode
    /**
     * For people; may change. Branch on `code`.
     */
    message: string
    /**
     * The query parameter at fault, for `invalid_parameter` and `unknown_parameter`.
     */
    parameter?: string
  }
}

/**
 * A `400`; `parameter` names the query parameter at fault.
 */
export interface ParameterError {
  error: {
    code: 'invalid_parameter' | 'unknown_parameter'
    message: string
    parameter: string
  }
}

/**
 * An ISO 8601 date (`2025-05-15`) or a date-time with an offset, seconds optional (`2025-05-15T09:00+04:00`, `2025-05-15T09:00:00.000Z`). The date must exist.
 */
export type DateOrDateTime = string

/**
 * Query parameters of `events` and `events.ics`.
 */
export interface EventsQuery {
  when?: EventsWhen
  from?: DateOrDateTime
  to?: DateOrDateTime
  /**
   * Items per page, from 1 to the server's maximum (50 unless the operator changed `feed.maxLimit`). A larger value is refused with `400`, not clamped.
   */
  limit?: number
  /**
   * Page number from 1 to 1000; use `cursor` to go further. Not with `cursor`.
   */
  page?: number
  /**
   * The `nextCursor` of the previous answer of the same list (opaque). It never skips or repeats an item while content changes. Not with `page`.
   */
  cursor?: string
  locale?: Locale
  /**
   * ISO 3166-1 alpha-2 country code, either case (`AZ`, `az`); it must be an assigned code.
   */
  country?: string
  /**
   * Search words, 1 to 200 characters: each word must start a word of the title, summary or body, in any case, with or without diacritics, in any script or its Latin transliteration (`kyiv` finds `Київ`, `baki` finds `Bakı`). Results are ordered by relevance (title, then summary, then body), then recency, and each item gets its `highlight`. With `q`, paging is by `page` only (not `cursor`), up to the first 1000 matches; a query found in more than 1000 items is answered from its 1000 most recent matches.
   */
  q?: string
}

/**
 * Query parameters of the single-item routes `news/{slug}` and `events/{slug}`.
 */
export interface ItemQuery {
  locale?: Locale
}

/**
 * Query parameters of `news` and `news.rss` (`q` on `news` only).
 */
export interface NewsQuery {
  /**
   * Items per page, from 1 to the server's maximum (50 unless the operator changed `feed.maxLimit`). A larger value is refused with `400`, not clamped.
   */
  limit?: number
  /**
   * Page number from 1 to 1000; use `cursor` to go further. Not with `cursor`.
   */
  page?: number
  /**
   * The `nextCursor` of the previous answer of the same list (opaque). It never skips or repeats an item while content changes. Not with `page`.
   */
  cursor?: string
  locale?: Locale
  /**
   * ISO 3166-1 alpha-2 country code, either case (`AZ`, `az`); it must be an assigned code.
   */
  country?: string
  /**
   * Slug of an existing organization (`k-pnu`), compared in lower case. On `/stats` and `/stats/history` it cannot be combined with `country`.
   */
  organization?: string
  /**
   * A news tag, compared in lower case.
   */
  tag?: string
  /**
   * Search words, 1 to 200 characters: each word must start a word of the title, summary or body, in any case, with or without diacritics, in any script or its Latin transliteration (`kyiv` finds `Київ`, `baki` finds `Bakı`). Results are ordered by relevance (title, then summary, then body), then recency, and each item gets its `highlight`. With `q`, paging is by `page` only (not `cursor`), up to the first 1000 matches; a query found in more than 1000 items is answered from its 1000 most recent matches.
   */
  q?: string
}

/**
 * Query parameters of `stats/compare`.
 */
export interface StatsCompareQuery {
  metric: MetricKey
  /**
   * Comma-separated ISO 3166-1 alpha-2 codes, either case, 1 to 50 of them; repeats are ignored. Unassigned codes are refused with `400` naming them.
   *
   * @minItems 1
   * @maxItems 50
   */
  countries: string[]
  locale?: Locale
}

/**
 * Query parameters of `stats/history`.
 */
export interface StatsHistoryQuery {
  metric: MetricKey
  /**
   * ISO 3166-1 alpha-2 country code, either case (`AZ`, `az`); it must be an assigned code.
   */
  country?: string
  /**
   * Slug of an existing organization (`k-pnu`), compared in lower case. On `/stats` and `/stats/history` it cannot be combined with `country`.
   */
  organization?: string
  locale?: Locale
}

/**
 * Query parameters of `stats`.
 */
export interface StatsQuery {
  /**
   * ISO 3166-1 alpha-2 country code, either case (`AZ`, `az`); it must be an assigned code.
   */
  country?: string
  /**
   * Slug of an existing organization (`k-pnu`), compared in lower case. On `/stats` and `/stats/history` it cannot be combined with `country`.
   */
  organization?: string
  /**
   * Comma-separated metric keys, picked and ordered as given: built-in (`teachers`, `schools`, `projects`, `students`, `countries`) or custom keys that some snapshot uses.
   *
   * @minItems 1
   */
  metrics?: MetricKey[]
  locale?: Locale
}
