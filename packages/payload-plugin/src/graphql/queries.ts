import type {
  EventsResponse,
  NewsResponse,
  Page,
  StatsCompareResponse,
  StatsHistoryResponse,
  StatsResponse,
} from '@etw/client'
import type * as GraphQLModule from 'graphql'
import type { GraphQLFieldConfig, GraphQLFieldConfigArgumentMap } from 'graphql'
import type { PayloadRequest, SanitizedConfig } from 'payload'

import { APIError } from 'payload'

import type { RouteContext, RouteHandler } from '../feed/handler'

import { FeedError } from '../feed/errors'
import { eventsRoute } from '../feed/events'
import { newsRoute } from '../feed/news'
import { readFeedOptions } from '../feed/options'
import { statsCompareRoute, statsHistoryRoute, statsRoute } from '../feed/stats'
import { requestOrigin } from '../feed/urls'
import { DEFAULT_FEED_OPTIONS } from '../defaults'

/** What Payload passes to every resolver. */
interface ResolverContext {
  req: PayloadRequest
}

type Args = Record<string, unknown>

/**
 * The feed's query parameters from GraphQL arguments: lists joined with commas, numbers as text,
 * absent and `null` arguments left out, so that the feed's parsers validate them as they validate
 * a query string.
 */
export const argumentsToQuery = (args: Args): Map<string, string> => {
  const query = new Map<string, string>()
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue
    query.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  return query
}

const routeContext = (req: PayloadRequest, pathname: string): RouteContext => {
  const { payload } = req
  const feed = readFeedOptions(payload.config)
  const { localization } = payload.config
  return {
    apiRoute: payload.config.routes.api,
    defaultLocale: localization ? localization.defaultLocale : 'en',
    idType: payload.db.defaultIDType === 'number' ? 'number' : 'text',
    locales: localization ? localization.localeCodes : ['en'],
    maxLimit: feed === false ? DEFAULT_FEED_OPTIONS.maxLimit : feed.maxLimit,
    origin: requestOrigin(payload.config.serverURL, req.headers),
    pathname,
    payload,
  }
}

/**
 * Runs a feed route for GraphQL arguments and returns its JSON answer: the same validation,
 * filters, limits and published-only reads as `GET /api/etw/v1/…`. A bad argument becomes a 400
 * error whose message names it.
 */
const runRoute = async <P, R>(
  route: RouteHandler<P>,
  args: Args,
  req: PayloadRequest,
  pathname: string,
): Promise<R> => {
  try {
    const context = routeContext(req, pathname)
    const params = route.parse(argumentsToQuery(args), context)
    const { body } = await route.produce(params, context)
    return JSON.parse(body) as R
  } catch (error) {
    if (error instanceof FeedError) {
      throw new APIError(
        error.message,
        error.status,
        { code: error.code, parameter: error.parameter },
        true,
      )
    }
    throw error
  }
}

const pageInfo = (page: Page) => ({
  hasNextPage: page.hasNextPage,
  limit: page.limit,
  nextCursor: page.nextCursor,
  page: page.page,
})

/**
 * Queries for consumers, with the public feed's semantics: `latestStatistics`, `statisticHistory`,
 * `compareStatistics`, `newsFeed`, `upcomingEvents` and `pastEvents`. Every caller, signed in or not, sees published
 * content only. Built with the `graphql` module Payload passes in, so that the types belong to the
 * schema's own copy of it.
 */
export const feedQueries = (
  GraphQL: typeof GraphQLModule,
  config: Pick<SanitizedConfig, 'custom'>,
): Record<string, GraphQLFieldConfig<unknown, ResolverContext, Args>> => {
  const {
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = GraphQL
  const feed = readFeedOptions(config)
  const maxLimit = feed === false ? DEFAULT_FEED_OPTIONS.maxLimit : feed.maxLimit
  const required = <T extends GraphQLModule.GraphQLType>(type: T) => new GraphQLNonNull(type)
  const list = <T extends GraphQLModule.GraphQLType>(type: T) =>
    required(new GraphQLList(required(type)))
  const text = (description: string) => ({ type: GraphQLString, description })
  const requiredText = (description: string) => ({ type: required(GraphQLString), description })

  const Source = new GraphQLObjectType({
    name: 'FeedSource',
    description: 'Where a figure or an article comes from.',
    fields: {
      title: text('Title of the source, e.g. a report or a website.'),
      url: text('Address of the source.'),
    },
  })
  const ScopeKind = new GraphQLEnumType({
    name: 'FeedScopeKind',
    description: 'What a statistic is about.',
    values: {
      COUNTRY: { value: 'country', description: 'One country.' },
      ORGANIZATION: { value: 'organization', description: 'One organization.' },
      PROGRAMME: { value: 'programme', description: 'The whole programme.' },
    },
  })
  const Scope = new GraphQLObjectType({
    name: 'FeedScope',
    description: 'The scope statistics were asked for.',
    fields: {
      country: text('ISO 3166-1 alpha-2 code when the scope is a country.'),
      kind: { type: required(ScopeKind), description: 'Kind of scope.' },
      organization: text('Organization slug when the scope is an organization.'),
    },
  })
  const pointFields = {
    approximate: {
      type: required(GraphQLBoolean),
      description: 'Shown as "160,000+": the real value is at least this.',
    },
    asOf: requiredText('ISO date (YYYY-MM-DD) the figure refers to.'),
    source: { type: Source, description: 'Where the figure comes from.' },
    value: { type: required(GraphQLFloat), description: 'The figure.' },
  }
  const formattedNote =
    "Formatted by the server in the response's locale, for readers whose browser lacks its data."
  const StatFormatted = new GraphQLObjectType({
    name: 'FeedStatisticFormatted',
    description: formattedNote,
    fields: {
      asOf: requiredText('asOf as a medium date in the locale (15 may 2023 in az).'),
      value: requiredText('value as a number in the locale (4.308 in az), without the "+".'),
    },
  })
  const formatted = (type: GraphQLModule.GraphQLObjectType) => ({
    type: required(type),
    description: formattedNote,
  })
  const Previous = new GraphQLObjectType({
    name: 'FeedStatisticPrevious',
    description: 'The snapshot before the latest one: its value and date.',
    fields: {
      asOf: pointFields.asOf,
      formatted: formatted(StatFormatted),
      value: pointFields.value,
    },
  })
  const Statistic = new GraphQLObjectType({
    name: 'FeedStatistic',
    description: "A metric's latest value for a scope.",
    fields: {
      key: requiredText('Metric key: teachers, schools, projects, students, countries or custom.'),
      label: requiredText('Label of the metric in the requested locale.'),
      ...pointFields,
      formatted: formatted(StatFormatted),
      previous: {
        type: Previous,
        description: 'The latest snapshot dated before asOf in the same scope; null when none.',
      },
    },
  })
  const LatestStatistics = new GraphQLObjectType({
    name: 'LatestStatistics',
    description: 'The latest value of each metric for a scope.',
    fields: {
      locale: requiredText('Locale of the labels.'),
      metrics: { type: list(Statistic), description: 'One entry per metric with a value.' },
      scope: { type: required(Scope), description: 'The scope asked for.' },
    },
  })
  const Point = new GraphQLObjectType({
    name: 'FeedStatisticPoint',
    description: "One point of a metric's history.",
    fields: pointFields,
  })
  const Metric = new GraphQLObjectType({
    name: 'FeedMetric',
    description: 'A metric and its label.',
    fields: {
      key: requiredText('Metric key.'),
      label: requiredText('Label in the requested locale.'),
    },
  })
  const StatisticHistory = new GraphQLObjectType({
    name: 'StatisticHistory',
    description: 'Every snapshot of one metric for a scope, oldest first.',
    fields: {
      locale: requiredText('Locale of the label.'),
      metric: { type: required(Metric), description: 'The metric.' },
      points: { type: list(Point), description: 'Snapshots, oldest first.' },
      scope: { type: required(Scope), description: 'The scope asked for.' },
    },
  })
  const CountryStatistic = new GraphQLObjectType({
    name: 'FeedCountryStatistic',
    description: "One country's latest value of a metric.",
    fields: {
      country: requiredText('ISO 3166-1 alpha-2 code, upper case.'),
      ...pointFields,
    },
  })
  const StatisticComparison = new GraphQLObjectType({
    name: 'StatisticComparison',
    description: 'The latest value of one metric in several countries.',
    fields: {
      countries: {
        type: list(CountryStatistic),
        description: 'Countries with a value, highest value first, then by code.',
      },
      locale: requiredText('Locale of the label.'),
      metric: { type: required(Metric), description: 'The metric.' },
      missing: {
        type: list(GraphQLString),
        description: 'Countries asked for without a value, in the order given.',
      },
    },
  })
  const ImageSource = new GraphQLObjectType({
    name: 'FeedImageSource',
    description: 'The widths of an image in one modern format, for <source type srcset>.',
    fields: {
      srcset: requiredText('Files by width: "url 400w, url 768w".'),
      type: requiredText('image/avif or image/webp.'),
    },
  })
  const Image = new GraphQLObjectType({
    name: 'FeedImage',
    description:
      'An image ready for <img src srcset sizes width height alt>; every URL is content-addressed.',
    fields: {
      alt: requiredText('Alternative text.'),
      height: { type: GraphQLInt, description: 'Height in pixels.' },
      sizes: requiredText('A default sizes attribute for srcset.'),
      sources: { type: list(ImageSource), description: 'The same widths as AVIF and WebP.' },
      srcset: requiredText("Every stored width in the image's own format."),
      url: requiredText('Address of the card-sized file.'),
      width: { type: GraphQLInt, description: 'Width in pixels.' },
    },
  })
  const Organization = new GraphQLObjectType({
    name: 'FeedOrganization',
    description: 'An organization as the feeds show it.',
    fields: {
      country: text('ISO 3166-1 alpha-2 code.'),
      name: requiredText('Name in the requested locale.'),
      slug: requiredText('Slug, as the `organization` argument takes it.'),
    },
  })
  const PageInfo = new GraphQLObjectType({
    name: 'FeedPageInfo',
    description: 'Where a page of a list stands.',
    fields: {
      hasNextPage: { type: required(GraphQLBoolean), description: 'Whether more items follow.' },
      limit: { type: required(GraphQLInt), description: 'Items per page.' },
      nextCursor: text('Pass as `cursor` for the next page; null on the last page.'),
      page: { type: required(GraphQLInt), description: 'Number of this page, from 1.' },
    },
  })
  const Highlight = new GraphQLObjectType({
    name: 'FeedHighlight',
    description:
      'Where a search matched an item: one field, its plain text and the matched ranges.',
    fields: {
      field: requiredText('title, summary or body.'),
      ranges: {
        type: required(new GraphQLList(list(GraphQLInt))),
        description: 'Matched words as [start, end) offsets in UTF-16 code units of `text`.',
      },
      text: requiredText("The field's plain text (never HTML); for body, an excerpt."),
    },
  })
  const highlight = {
    type: new GraphQLList(required(Highlight)),
    description: 'With `q` only: the fields that matched; null without `q`.',
  }
  const servedLocale = requiredText(
    'The locale its texts are in: the requested one, or the default locale where it has no title in it.',
  )
  const NewsFormatted = new GraphQLObjectType({
    name: 'FeedNewsFormatted',
    description: formattedNote,
    fields: { publishedAt: requiredText('publishedAt as a medium date (UTC) in the locale.') },
  })
  const EventFormatted = new GraphQLObjectType({
    name: 'FeedEventFormatted',
    description: formattedNote,
    fields: {
      participatingCountries: requiredText(
        'The names of participatingCountries in the locale, joined as it lists them; empty when none.',
      ),
      range: requiredText('start–end in timeZone, with the short name of the zone, in the locale.'),
    },
  })
  const NewsItem = new GraphQLObjectType({
    name: 'FeedNewsItem',
    description: 'A published news item, flattened for display.',
    fields: {
      country: text('ISO 3166-1 alpha-2 code of the country it is about.'),
      formatted: formatted(NewsFormatted),
      highlight,
      id: { type: required(GraphQL.GraphQLID), description: 'Document id.' },
      image: { type: Image, description: 'Cover image.' },
      link: requiredText(
        "A page a person can read it on: the host site's page when a link template is set, else its public page on the CMS.",
      ),
      locale: servedLocale,
      organization: { type: Organization, description: 'Organization it comes from.' },
      publishedAt: requiredText('ISO date-time of publication.'),
      slug: requiredText('URL slug.'),
      source: { type: Source, description: 'The original publication, when there is one.' },
      summary: text('Short summary.'),
      tags: { type: list(GraphQLString), description: 'Tags, in lower case.' },
      title: requiredText('Title in the requested locale.'),
    },
  })
  const NewsFeed = new GraphQLObjectType({
    name: 'NewsFeed',
    description: 'A page of published news, newest first.',
    fields: {
      items: { type: list(NewsItem), description: 'News items, newest first.' },
      locale: requiredText('Locale of the texts.'),
      pageInfo: { type: required(PageInfo), description: 'Paging.' },
    },
  })
  const Event = new GraphQLObjectType({
    name: 'FeedEvent',
    description: 'A published event; show `start` and `end` in `timeZone`.',
    fields: {
      city: text('City.'),
      country: text('ISO 3166-1 alpha-2 code of the host country.'),
      countryName: text("country's name in the response's locale."),
      end: requiredText('ISO instant the event ends.'),
      format: requiredText('in-person, online or hybrid.'),
      formatLabel: requiredText('Name of the format in the requested locale.'),
      formatted: formatted(EventFormatted),
      highlight,
      icsUrl: requiredText('iCalendar file with just this event.'),
      id: { type: required(GraphQL.GraphQLID), description: 'Document id.' },
      image: { type: Image, description: 'Cover image.' },
      kind: requiredText('seminar, training, meeting, webinar or conference.'),
      kindLabel: requiredText('Name of the kind in the requested locale.'),
      link: requiredText('Its public page on the CMS, which a person can read.'),
      locale: servedLocale,
      organizers: { type: list(Organization), description: 'Organizing organizations.' },
      participatingCountries: {
        type: list(GraphQLString),
        description: 'ISO 3166-1 alpha-2 codes of the participating countries.',
      },
      registrationDeadline: text('ISO date-time registration closes.'),
      registrationUrl: text('Where to register.'),
      slug: requiredText('URL slug.'),
      start: requiredText('ISO instant the event starts.'),
      summary: text('Short summary.'),
      timeZone: requiredText('IANA time zone of the event, e.g. Asia/Baku.'),
      title: requiredText('Title in the requested locale.'),
      venue: text('Venue.'),
    },
  })
  const EventsFeed = new GraphQLObjectType({
    name: 'EventsFeed',
    description: 'A page of published events.',
    fields: {
      items: { type: list(Event), description: 'Events in the order of the query.' },
      locale: requiredText('Locale of the texts.'),
      pageInfo: { type: required(PageInfo), description: 'Paging.' },
    },
  })

  const locale = text(
    "A BCP 47 language tag (en, pt-BR, ar): the best content locale is served (the one equal to it, else its language, else the default locale), named by the answer's locale; the default locale when absent. A tag not of that shape is refused.",
  )
  const country = text('ISO 3166-1 alpha-2 code, e.g. AZ.')
  const organization = text('Organization slug, e.g. k-pnu.')
  const q = text(
    'Search words (1 to 200 characters): most relevant first, any case, diacritics or script (`kyiv` finds Київ); with `page`, not `cursor`.',
  )
  const paging: GraphQLFieldConfigArgumentMap = {
    cursor: text('`nextCursor` of the previous page; not together with `page`.'),
    limit: { type: GraphQLInt, description: `Items per page, 1 to ${maxLimit}; 5 when absent.` },
    page: { type: GraphQLInt, description: 'Page number from 1 (at most 1000); 1 when absent.' },
  }
  const eventArgs: GraphQLFieldConfigArgumentMap = {
    country: text('Only events hosted in this country (ISO 3166-1 alpha-2).'),
    from: text('Only events that end on or after this ISO date or date-time.'),
    locale,
    q,
    to: text('Only events that start on or before this ISO date or date-time.'),
    ...paging,
  }
  const events = (when: 'past' | 'upcoming', description: string) => ({
    type: required(EventsFeed),
    description,
    args: eventArgs,
    resolve: async (_: unknown, args: Args, { req }: ResolverContext) => {
      const response = await runRoute<unknown, EventsResponse>(
        eventsRoute,
        { ...args, when },
        req,
        '/graphql',
      )
      return { items: response.items, locale: response.locale, pageInfo: pageInfo(response) }
    },
  })

  return {
    latestStatistics: {
      type: required(LatestStatistics),
      description:
        'The latest published value of each metric for a scope: a country, an organization, or the whole programme when neither is given.',
      args: {
        country,
        locale,
        metrics: {
          type: new GraphQLList(required(GraphQLString)),
          description: 'Metrics to show, in this order; all metrics with a value when absent.',
        },
        organization,
      },
      resolve: (_, args, { req }) =>
        runRoute<unknown, StatsResponse>(statsRoute, args, req, '/graphql'),
    },
    statisticHistory: {
      type: required(StatisticHistory),
      description: 'Every snapshot of one metric for a scope, oldest first, for charts.',
      args: {
        country,
        locale,
        metric: { type: required(GraphQLString), description: 'Metric key, e.g. projects.' },
        organization,
      },
      resolve: (_, args, { req }) =>
        runRoute<unknown, StatsHistoryResponse>(statsHistoryRoute, args, req, '/graphql'),
    },
    compareStatistics: {
      type: required(StatisticComparison),
      description:
        'The latest published value of one metric in each of several countries (at most 50), for comparison charts.',
      args: {
        countries: {
          type: required(new GraphQLList(required(GraphQLString))),
          description: 'ISO 3166-1 alpha-2 codes, e.g. ["AZ", "UA", "GE"]; 1 to 50.',
        },
        locale,
        metric: { type: required(GraphQLString), description: 'Metric key, e.g. teachers.' },
      },
      resolve: (_, args, { req }) =>
        runRoute<unknown, StatsCompareResponse>(statsCompareRoute, args, req, '/graphql'),
    },
    newsFeed: {
      type: required(NewsFeed),
      description:
        'Published news, newest first (with `q`: most relevant first), filtered by country, organization and tag, a page at a time.',
      args: {
        country: text('Only news about this country (ISO 3166-1 alpha-2).'),
        locale,
        organization: text('Only news of this organization (slug).'),
        q,
        tag: text('Only news with this tag.'),
        ...paging,
      },
      resolve: async (_, args, { req }) => {
        const response = await runRoute<unknown, NewsResponse>(newsRoute, args, req, '/graphql')
        return { items: response.items, locale: response.locale, pageInfo: pageInfo(response) }
      },
    },
    upcomingEvents: events('upcoming', 'Published events that have not ended yet, soonest first.'),
    pastEvents: events('past', 'Published events that have ended, the most recent first.'),
  }
}
