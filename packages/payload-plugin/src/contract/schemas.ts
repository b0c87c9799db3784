import * as z from 'zod'

import { EVENT_FORMATS, EVENT_KINDS } from '../collections/Events'

/**
 * The feed's answers, described once. `@etw/client`'s types and `docs/openapi.yaml`'s
 * `components.schemas` are generated from these schemas (`pnpm generate`); the GraphQL consumer
 * types are checked against them by a test. Every schema in {@link responseSchemas} is a named
 * component; descriptions become JSDoc and OpenAPI descriptions.
 */

/** Every named schema with its name, in the order they are declared. */
export const NAMED_SCHEMAS: [id: string, schema: z.ZodType][] = []

/** Names `schema` `id` (with `description`): it becomes a type and a component of that name. */
export const named = <T extends z.ZodType>(id: string, schema: T, description?: string): T => {
  const described = (description ? schema.meta({ description }) : schema) as T
  NAMED_SCHEMAS.push([id, described])
  return described
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable()

/** An ISO instant, as `Date#toISOString` writes it. */
const instant = () => z.string().meta({ format: 'date-time' })

export const CountryCode = named(
  'CountryCode',
  z.string().regex(/^[A-Z]{2}$/),
  "ISO 3166-1 alpha-2 country code, upper case (`'AZ'`).",
)

export const MetricKey = named(
  'MetricKey',
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .meta({
      tsType: "'countries' | 'projects' | 'schools' | 'students' | 'teachers' | (string & {})",
    }),
  'A built-in metric (`teachers`, `schools`, `projects`, `students`, `countries`) or a custom key.',
)

export const Locale = named('Locale', z.string(), 'A content locale of the CMS (`en`, `uk`, `az`).')

export const Scope = named(
  'Scope',
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('programme') }),
    z.object({ kind: z.literal('country'), country: CountryCode }),
    z.object({
      kind: z.literal('organization'),
      organization: z.string().meta({ description: "The organization's slug." }),
    }),
  ]),
  'What a statistic or a filter is about.',
)

export const Source = named(
  'Source',
  z.object({
    title: nullable(z.string()),
    url: nullable(z.string().meta({ format: 'uri' })),
  }),
  'Where a figure or an article comes from.',
)

const figure = {
  value: z.number().min(0),
  approximate: z
    .boolean()
    .meta({ description: 'Shown as "160,000+": the real value is at least `value`.' }),
  asOf: z
    .string()
    .meta({ description: 'ISO date (`YYYY-MM-DD`) the figure refers to.', format: 'date' }),
  source: nullable(Source),
}

export const StatPoint = named('StatPoint', z.object(figure), "One point of a metric's history.")

/** Why the `formatted` fields exist; one sentence for every schema that has them. */
const FORMATTED =
  "Formatted by the server in the response's locale (Node has every locale's data), for readers whose browser lacks it."

export const StatFormatted = named(
  'StatFormatted',
  z.object({
    value: z.string().meta({
      description:
        '`value` as a number in the locale (`4.308` in `az`), without the "+" of `approximate`.',
    }),
    asOf: z.string().meta({ description: '`asOf` as a medium date (`15 may 2023` in `az`).' }),
  }),
  FORMATTED,
)

export const StatPrevious = named(
  'StatPrevious',
  z.object({ value: figure.value, asOf: figure.asOf, formatted: StatFormatted }),
  'The snapshot before the latest one, for "+128 since May 2023": its value and date.',
)

export const StatMetric = named(
  'StatMetric',
  z.object({
    key: MetricKey,
    label: z.string().meta({ description: 'Label in the requested locale.' }),
    ...figure,
    formatted: StatFormatted,
    previous: nullable(StatPrevious).meta({
      description:
        'The latest snapshot dated before `asOf` in the same scope; `null` when there is none.',
    }),
  }),
  "One metric's latest value for a scope.",
)

export const MetricName = named(
  'MetricName',
  z.object({
    key: MetricKey,
    label: z.string().meta({ description: 'Label in the requested locale.' }),
  }),
  'A metric and its label.',
)

export const StatsResponse = named(
  'StatsResponse',
  z.object({ scope: Scope, locale: Locale, metrics: z.array(StatMetric) }),
  '`GET /api/etw/v1/stats`: the latest value of each metric for a scope.',
)

export const StatsHistoryResponse = named(
  'StatsHistoryResponse',
  z.object({
    scope: Scope,
    locale: Locale,
    metric: MetricName,
    points: z.array(StatPoint).max(1000).meta({ description: 'Oldest first.' }),
  }),
  '`GET /api/etw/v1/stats/history`: the time series of one metric, oldest first.',
)

export const StatCountry = named(
  'StatCountry',
  z.object({ country: CountryCode, ...figure }),
  "One country's latest value of a metric.",
)

export const StatsCompareResponse = named(
  'StatsCompareResponse',
  z.object({
    locale: Locale,
    metric: MetricName,
    countries: z.array(StatCountry).max(50).meta({
      description:
        'The countries asked for that have a snapshot of the metric: highest value first, then by code.',
    }),
    missing: z.array(CountryCode).max(50).meta({
      description: 'The countries asked for without a snapshot of the metric, in the order given.',
    }),
  }),
  '`GET /api/etw/v1/stats/compare`: the latest value of one metric in several countries.',
)

export const FeedImageSource = named(
  'FeedImageSource',
  z.object({
    type: z.enum(['image/avif', 'image/webp']),
    srcset: z.string().meta({ description: '`url 400w, url 768w, …`' }),
  }),
  'The widths of an image in one modern format, for `<picture><source type srcset>`.',
)

export const FeedImage = named(
  'FeedImage',
  z.object({
    url: z
      .string()
      .meta({ description: 'The card-sized file (768 px wide when the original is larger).' }),
    width: nullable(z.int().min(1)),
    height: nullable(z.int().min(1)),
    alt: z.string(),
    srcset: z.string().meta({
      description: "Every stored width in the image's own format: `url 400w, url 768w, …`.",
    }),
    sizes: z
      .string()
      .meta({ description: 'A default `sizes` for `srcset`: how wide a card shows the image.' }),
    sources: z.array(FeedImageSource).meta({
      description: 'The same widths as AVIF and WebP, best first; empty when there are none.',
    }),
  }),
  'An image ready for `<img src srcset sizes width height alt>` (in a `<picture>` with `sources`). Every URL is content-addressed (`/media/<hash>/<file>`): the same URL always means the same bytes.',
)

export const FeedOrganization = named(
  'FeedOrganization',
  z.object({ name: z.string(), slug: z.string(), country: nullable(CountryCode) }),
  'An organization as the feeds show it.',
)

export const Highlight = named(
  'Highlight',
  z.object({
    field: z.enum(['title', 'summary', 'body']),
    text: z.string().meta({
      description:
        "The field's plain text (never HTML); for `body`, an excerpt around the first match.",
    }),
    ranges: z.array(z.array(z.int().min(0)).length(2).meta({ tsType: '[number, number]' })).meta({
      description:
        'The matched words of `text` as `[start, end)` offsets in UTF-16 code units (JavaScript string indices), in order.',
    }),
  }),
  'Where a search matched an item: one field, its plain text and the matched ranges in it.',
)

const highlights = z.array(Highlight).optional().meta({
  description:
    'With `q` only: the fields that matched (title and summary; the body, as an excerpt, when neither did). Empty when only a transliteration or a folded spelling matched that the text does not show.',
})

export const NewsItem = named(
  'NewsItem',
  z.object({
    id: z.string(),
    title: z.string(),
    slug: z.string(),
    summary: nullable(z.string()),
    publishedAt: instant(),
    image: nullable(FeedImage),
    organization: nullable(FeedOrganization),
    country: nullable(CountryCode),
    tags: z.array(z.string()),
    link: z.string().meta({
      description:
        "A page a person can read the item on: the host site's page when a link template is configured (the settings global, or a widget's `link-template`), else the CMS's public page (`/{locale}/news/{slug}`).",
    }),
    source: nullable(Source).meta({
      description: 'The original publication, when the item was first published elsewhere.',
    }),
    locale: Locale.meta({
      description:
        "The locale the item's texts are in: the requested one, or the default locale where the item has no title in it.",
    }),
    formatted: named(
      'NewsFormatted',
      z.object({
        publishedAt: z
          .string()
          .meta({ description: '`publishedAt` as a medium date (UTC) in the locale.' }),
      }),
      FORMATTED,
    ),
    highlight: highlights,
  }),
  'One news item, flattened for display.',
)

export const Page = named(
  'Page',
  z.object({
    limit: z.int().min(1).max(50),
    page: z
      .int()
      .min(1)
      .meta({ description: 'The page number, also when the page was reached with a cursor.' }),
    hasNextPage: z.boolean(),
    nextCursor: nullable(z.string()).meta({
      description: 'Opaque cursor for the next page (`cursor`), `null` on the last one.',
    }),
  }),
  "Paging of list responses: `page`, or `cursor` from the previous page's `nextCursor`.",
)

export const NewsResponse = named(
  'NewsResponse',
  Page.extend({ locale: Locale, items: z.array(NewsItem).max(50) }),
  '`GET /api/etw/v1/news`: one page of news, newest first (with `q`: most relevant first).',
)

export const EventFormat = named('EventFormat', z.enum(EVENT_FORMATS), 'How people take part.')
export const EventKind = named('EventKind', z.enum(EVENT_KINDS), 'What kind of event it is.')
export const EventsWhen = named(
  'EventsWhen',
  z.enum(['upcoming', 'past', 'all']),
  '`upcoming`: not yet ended, soonest first; `past`: ended, latest first; `all`: chronological.',
)

export const EventItem = named(
  'EventItem',
  z.object({
    id: z.string(),
    title: z.string(),
    slug: z.string(),
    summary: nullable(z.string()),
    start: instant(),
    end: instant(),
    timeZone: z.string().meta({ description: "IANA time zone of the event (`'Asia/Baku'`)." }),
    format: EventFormat,
    formatLabel: z
      .string()
      .meta({ description: 'Name of `format` in the response\'s locale ("Онлайн").' }),
    kind: EventKind,
    kindLabel: z
      .string()
      .meta({ description: 'Name of `kind` in the response\'s locale ("Семінар").' }),
    venue: nullable(z.string()),
    city: nullable(z.string()),
    country: nullable(CountryCode),
    participatingCountries: z.array(CountryCode),
    registrationUrl: nullable(z.string()),
    registrationDeadline: nullable(instant()),
    image: nullable(FeedImage),
    organizers: z.array(FeedOrganization),
    icsUrl: z.string().meta({ description: 'iCalendar file with just this event.' }),
    link: z.string().meta({
      description:
        'A page a person can read the event on: its public page, `/{locale}/events/{slug}`.',
    }),
    locale: Locale.meta({
      description:
        "The locale the event's texts are in: the requested one, or the default locale where the event has no title in it.",
    }),
    countryName: nullable(z.string()).meta({
      description: "`country`'s name in the response's locale (`Azərbaycan`).",
    }),
    formatted: named(
      'EventFormatted',
      z.object({
        range: z.string().meta({
          description:
            '`start`–`end` in `timeZone`, with the short name of the zone, in the locale.',
        }),
        participatingCountries: z.string().meta({
          description:
            'The names of `participatingCountries` in the locale, joined as it lists them (`Azərbaycan və Ukrayna`); empty when there are none.',
        }),
      }),
      FORMATTED,
    ),
    highlight: highlights,
  }),
  'One event. `start` and `end` are ISO instants; show them in `timeZone`.',
)

export const EventsResponse = named(
  'EventsResponse',
  Page.extend({ locale: Locale, when: EventsWhen, items: z.array(EventItem).max(50) }),
  '`GET /api/etw/v1/events`: one page of events.',
)

const mark = z.literal(true).optional()

export const TextMarks = named(
  'TextMarks',
  z.object({ bold: mark, italic: mark, underline: mark, strikethrough: mark, code: mark }),
  'Inline formatting of a text run.',
)

export const RichTextText = named(
  'RichTextText',
  TextMarks.extend({ type: z.literal('text'), text: z.string() }),
  'A run of plain text (never markup) with its formatting.',
)

export const RichTextLineBreak = named(
  'RichTextLineBreak',
  z.object({ type: z.literal('linebreak') }),
  'A line break inside a block.',
)

export const RichTextLink = named(
  'RichTextLink',
  z.object({
    type: z.literal('link'),
    url: z.string(),
    newTab: z.boolean().meta({ description: 'Whether the editor asked for a new tab.' }),
    children: z.array(z.union([RichTextText, RichTextLineBreak])),
  }),
  'A link to an absolute `http:`/`https:` URL or a `mailto:` address (vetted as at save time).',
)

export const RichTextInline = named(
  'RichTextInline',
  z.union([RichTextText, RichTextLineBreak, RichTextLink]),
  'What a block contains.',
)

/** A list as the contract types it (the schemas below are recursive). */
export interface RichTextListShape {
  type: 'list'
  ordered: boolean
  items: { children: (z.infer<typeof RichTextInline> | RichTextListShape)[] }[]
}

export const RichTextListItem: z.ZodType<RichTextListShape['items'][number]> = named(
  'RichTextListItem',
  z.object({
    get children() {
      return z.array(z.union([RichTextInline, RichTextList]))
    },
  }),
  'One item of a list: its text, then any nested lists.',
)

export const RichTextList: z.ZodType<RichTextListShape> = named(
  'RichTextList',
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(RichTextListItem) }),
  'A bulleted or numbered list.',
)

const inlines = z.array(RichTextInline)

export const RichTextParagraph = named(
  'RichTextParagraph',
  z.object({ type: z.literal('paragraph'), children: inlines }),
  'A paragraph.',
)

export const RichTextQuote = named(
  'RichTextQuote',
  z.object({ type: z.literal('quote'), children: inlines }),
  'A quotation.',
)

export const RichTextHeading = named(
  'RichTextHeading',
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    children: inlines,
  }),
  "A heading; levels 2–6 (the page's title is the level-1 heading).",
)

export const RichTextImage = named(
  'RichTextImage',
  z.object({ type: z.literal('image'), image: FeedImage }),
  'An image from the media library.',
)

export const RichTextBlock = named(
  'RichTextBlock',
  z.union([RichTextHeading, RichTextImage, RichTextList, RichTextParagraph, RichTextQuote]),
  "One block of an article's body. The tree holds only these node types; anything else in the stored rich text is left out, and no node carries markup.",
)

export const NewsArticle = named(
  'NewsArticle',
  NewsItem.omit({ highlight: true }).extend({
    updatedAt: instant().meta({ description: 'ISO date-time of the last change.' }),
    body: z.array(RichTextBlock).meta({ description: 'The body as a vetted node tree.' }),
    relatedEvents: z
      .array(
        z.object({
          title: z.string(),
          slug: z.string(),
          start: instant(),
          link: z.string(),
          formatted: z.object({ start: z.string() }).meta({
            description: `\`start\` as a medium date in the event's time zone. ${FORMATTED}`,
          }),
        }),
      )
      .meta({ description: 'Published events the item is about.' }),
    locale: Locale.meta({
      description:
        'The locale of the texts shown (the requested one, or the default where it has no text).',
    }),
  }),
  '`GET /api/etw/v1/news/{slug}`: one published news item in full.',
)

export const EventDetail = named(
  'EventDetail',
  EventItem.omit({ highlight: true }).extend({
    updatedAt: instant().meta({ description: 'ISO date-time of the last change.' }),
    description: z
      .array(RichTextBlock)
      .meta({ description: 'The description as a vetted node tree.' }),
    participants: z
      .array(z.object({ label: z.string(), count: z.int().min(0) }))
      .meta({ description: "Participant counts by group (`{ label: 'Teachers', count: 40 }`)." }),
    locale: Locale.meta({ description: 'The locale of the texts shown.' }),
  }),
  '`GET /api/etw/v1/events/{slug}`: one published event in full.',
)

const uptime = z.int().min(0).meta({ description: 'Seconds since the process started.' })

export const HealthOk = named(
  'HealthOk',
  z.object({ status: z.literal('ok'), database: z.literal('ok'), uptime }),
  'The server and its database work.',
)

export const HealthDegraded = named(
  'HealthDegraded',
  z.object({ status: z.literal('degraded'), database: z.literal('unreachable'), uptime }),
  'The database did not answer.',
)

export const HealthResponse = named(
  'HealthResponse',
  z.union([HealthOk, HealthDegraded]),
  '`GET /api/health`',
)

export const ErrorCode = named(
  'ErrorCode',
  z.enum(['invalid_parameter', 'unknown_parameter', 'not_found', 'method_not_allowed', 'internal']),
  'Machine-readable: branch on it.',
)

export const FeedErrorBody = named(
  'Error',
  z.object({
    error: z.object({
      code: ErrorCode,
      message: z.string().meta({ description: 'For people; may change. Branch on `code`.' }),
      parameter: z.string().optional().meta({
        description:
          'The query parameter at fault, for `invalid_parameter` and `unknown_parameter`.',
      }),
    }),
  }),
  'Body of every 4xx/5xx answer of the feed API.',
)

export const ParameterError = named(
  'ParameterError',
  z.object({
    error: z.object({
      code: z.enum(['invalid_parameter', 'unknown_parameter']),
      message: z.string(),
      parameter: z.string(),
    }),
  }),
  'A `400`; `parameter` names the query parameter at fault.',
)
