/**
 * Response types of the public feed API (`/api/etw/v1/…`). The CMS produces exactly these shapes;
 * the widgets and third-party code consume them.
 */

/** ISO 3166-1 alpha-2 country code, upper case (`'AZ'`). */
export type CountryCode = string

/** Metric keys the CMS knows; custom metrics use their own key. */
export type MetricKey =
  'countries' | 'projects' | 'schools' | 'students' | 'teachers' | (string & {})

/** What a statistic or a filter is about. */
export type Scope =
  | { kind: 'programme' }
  | { kind: 'country'; country: CountryCode }
  | { kind: 'organization'; organization: string }

/** Where a figure comes from. */
export interface Source {
  title: string | null
  url: string | null
}

/** One metric's latest value for a scope. */
export interface StatMetric {
  key: MetricKey
  /** Label in the requested locale. */
  label: string
  value: number
  /** Shown as "160,000+": the real value is at least this. */
  approximate: boolean
  /** ISO date (`YYYY-MM-DD`) the figure refers to. */
  asOf: string
  source: Source | null
}

/** `GET /api/etw/v1/stats` */
export interface StatsResponse {
  scope: Scope
  locale: string
  metrics: StatMetric[]
}

/** One point of a metric's history. */
export interface StatPoint {
  value: number
  approximate: boolean
  asOf: string
  source: Source | null
}

/** `GET /api/etw/v1/stats/history` — oldest first. */
export interface StatsHistoryResponse {
  scope: Scope
  locale: string
  metric: { key: MetricKey; label: string }
  points: StatPoint[]
}

/** The widths of an image in one modern format, for `<picture><source type srcset>`. */
export interface FeedImageSource {
  type: 'image/avif' | 'image/webp'
  /** `url 400w, url 768w, …` */
  srcset: string
}

/**
 * An image ready for `<img src srcset sizes width height alt>` (in a `<picture>` with `sources`).
 * Every URL is content-addressed: the same URL always means the same bytes.
 */
export interface FeedImage {
  /** The card-sized file (768 px wide when the original is larger). */
  url: string
  width: number | null
  height: number | null
  alt: string
  /** Every stored width in the image's own format: `url 400w, url 768w, …`. */
  srcset: string
  /** A default `sizes` for `srcset`: how wide a card shows the image. */
  sizes: string
  /** The same widths as AVIF and WebP, best first; empty when there are none. */
  sources: FeedImageSource[]
}

/** An organization as the feeds show it. */
export interface FeedOrganization {
  name: string
  slug: string
  country: CountryCode | null
}

/** One news item, flattened for display. */
export interface NewsItem {
  id: string
  title: string
  slug: string
  summary: string | null
  /** ISO date-time. */
  publishedAt: string
  image: FeedImage | null
  organization: FeedOrganization | null
  country: CountryCode | null
  tags: string[]
  /**
   * A page a person can read the item on: the host site's page when a link template is configured
   * (the settings global, or a widget's `link-template`), else the CMS's public page
   * (`/{locale}/news/{slug}`).
   */
  link: string
  /** The original publication, when the item was first published elsewhere. */
  source: Source | null
}

/** Paging of list responses: `page`, or `cursor` from the previous page's `nextCursor`. */
export interface Page {
  limit: number
  page: number
  hasNextPage: boolean
  /** Opaque cursor for the next page, `null` on the last one. */
  nextCursor: string | null
}

/** `GET /api/etw/v1/news` */
export interface NewsResponse extends Page {
  locale: string
  items: NewsItem[]
}

export type EventFormat = 'hybrid' | 'in-person' | 'online'
export type EventKind = 'conference' | 'meeting' | 'seminar' | 'training' | 'webinar'
export type EventsWhen = 'all' | 'past' | 'upcoming'

/** One event. `start` and `end` are ISO instants; show them in `timeZone`. */
export interface EventItem {
  id: string
  title: string
  slug: string
  summary: string | null
  start: string
  end: string
  /** IANA time zone of the event (`'Asia/Baku'`). */
  timeZone: string
  format: EventFormat
  /** Name of `format` in the response's locale ("Онлайн"). */
  formatLabel: string
  kind: EventKind
  /** Name of `kind` in the response's locale ("Семінар"). */
  kindLabel: string
  venue: string | null
  city: string | null
  country: CountryCode | null
  participatingCountries: CountryCode[]
  registrationUrl: string | null
  /** ISO date-time, or `null`. */
  registrationDeadline: string | null
  image: FeedImage | null
  organizers: FeedOrganization[]
  /** iCalendar file with just this event. */
  icsUrl: string
  /** A page a person can read the event on (a link template's page, else `/{locale}/events/{slug}`). */
  link: string
}

/** `GET /api/etw/v1/events` */
export interface EventsResponse extends Page {
  locale: string
  when: EventsWhen
  items: EventItem[]
}

/** Inline formatting of a text run. */
export interface TextMarks {
  bold?: true
  italic?: true
  underline?: true
  strikethrough?: true
  code?: true
}

/** A run of plain text (never markup) with its formatting. */
export interface RichTextText extends TextMarks {
  type: 'text'
  text: string
}

/** A line break inside a block. */
export interface RichTextLineBreak {
  type: 'linebreak'
}

/** A link to an absolute `http:`/`https:` URL or a `mailto:` address (vetted as at save time). */
export interface RichTextLink {
  type: 'link'
  url: string
  /** Whether the editor asked for a new tab. */
  newTab: boolean
  children: (RichTextLineBreak | RichTextText)[]
}

/** What a block contains. */
export type RichTextInline = RichTextLineBreak | RichTextLink | RichTextText

/** A paragraph. */
export interface RichTextParagraph {
  type: 'paragraph'
  children: RichTextInline[]
}

/** A heading; levels 2–6 (the page's title is the level-1 heading). */
export interface RichTextHeading {
  type: 'heading'
  level: 2 | 3 | 4 | 5 | 6
  children: RichTextInline[]
}

/** A quotation. */
export interface RichTextQuote {
  type: 'quote'
  children: RichTextInline[]
}

/** One item of a list: its text, then any nested lists. */
export interface RichTextListItem {
  children: (RichTextInline | RichTextList)[]
}

/** A bulleted or numbered list. */
export interface RichTextList {
  type: 'list'
  ordered: boolean
  items: RichTextListItem[]
}

/** An image from the media library. */
export interface RichTextImage {
  type: 'image'
  image: FeedImage
}

/**
 * One block of an article's body. The tree holds only these node types; anything else in the
 * stored rich text is left out, and no node carries markup.
 */
export type RichTextBlock =
  RichTextHeading | RichTextImage | RichTextList | RichTextParagraph | RichTextQuote

/** `GET /api/etw/v1/news/{slug}`: one published news item in full. */
export interface NewsArticle extends NewsItem {
  /** ISO date-time of the last change. */
  updatedAt: string
  /** The body as a vetted node tree. */
  body: RichTextBlock[]
  /** Published events the item is about. */
  relatedEvents: { title: string; slug: string; start: string; link: string }[]
  /** The locale of the texts shown (the requested one, or the default where it has no text). */
  locale: string
}

/** `GET /api/etw/v1/events/{slug}`: one published event in full. */
export interface EventDetail extends EventItem {
  /** ISO date-time of the last change. */
  updatedAt: string
  /** The description as a vetted node tree. */
  description: RichTextBlock[]
  /** Participant counts by group (`{ label: 'Teachers', count: 40 }`). */
  participants: { label: string; count: number }[]
  /** The locale of the texts shown. */
  locale: string
}

/** `GET /api/health` */
export interface HealthResponse {
  status: 'ok' | 'degraded'
  database: 'ok' | 'unreachable'
  /** Seconds since the process started. */
  uptime: number
}

/** Body of every 4xx/5xx answer of the feed API. */
export interface FeedErrorBody {
  error: {
    /** Machine-readable: `invalid_parameter`, `unknown_parameter`, `not_found`, `method_not_allowed`, `internal`. */
    code: string
    message: string
    /** The query parameter at fault, for `invalid_parameter` and `unknown_parameter`. */
    parameter?: string
  }
}

/** Query parameters of `stats`. */
export interface StatsQuery {
  country?: CountryCode
  organization?: string
  metrics?: MetricKey[]
  locale?: string
}

/** Query parameters of `stats/history`. */
export interface StatsHistoryQuery {
  country?: CountryCode
  organization?: string
  metric: MetricKey
  locale?: string
}

/** Query parameters of `news` and `news.rss`. */
export interface NewsQuery {
  limit?: number
  page?: number
  cursor?: string
  locale?: string
  country?: CountryCode
  organization?: string
  tag?: string
}

/** Query parameters of the single-item endpoints `news/{slug}` and `events/{slug}`. */
export interface ItemQuery {
  locale?: string
}

/** Query parameters of `events` and `events.ics`. */
export interface EventsQuery {
  when?: EventsWhen
  from?: string
  to?: string
  limit?: number
  page?: number
  cursor?: string
  locale?: string
  country?: CountryCode
}
