import type { PayloadRequest } from 'payload'

import type { RouteContext } from '../feed/handler'
import type { EventDoc } from '../feed/events'
import type { NewsDoc } from '../feed/news'
import type { Snapshot } from '../feed/stats'
import type { WebhookCollection } from './events'

import { toEventItem, toEventRecords } from '../feed/events'
import { toNewsItems } from '../feed/news'
import { FEED_ROUTES } from '../feed/routes'
import { labelOf, point } from '../feed/stats'
import { absoluteUrl } from '../feed/urls'
import { EVENTS_SLUG, NEWS_SLUG } from '../slugs'

/** The body of one webhook message (Standard Webhooks' recommended envelope). */
export interface WebhookMessage {
  /** `<collection>.<event>`, e.g. `news.published`. */
  type: string
  /** When the change happened, ISO 8601. */
  timestamp: string
  data: {
    collection: WebhookCollection
    id: string
    locale: string
    /** The item as the public feed shows it, links included (after a delete: as it was). */
    item: unknown
  }
}

type StatisticDoc = Snapshot & {
  country?: string | null
  region?: string | null
  scope?: string | null
}

const statisticItem = (
  doc: StatisticDoc,
  locale: string,
  context: Pick<RouteContext, 'apiRoute' | 'origin'>,
) => {
  const key = doc.key ?? ''
  const query = new URLSearchParams({ locale, metrics: key })
  if (doc.country) query.set('country', doc.country)
  return {
    ...point(doc),
    country: doc.country ?? null,
    id: String(doc.id),
    label: labelOf(key, locale, doc),
    link: absoluteUrl(context.origin, `${context.apiRoute}${FEED_ROUTES.stats}?${query}`),
    metric: key,
    region: doc.region ?? null,
    scope: doc.scope ?? null,
  }
}

/**
 * The message announcing `event` for `doc` of `collection`: the item as the feed shows it in the
 * request's locale (the default one when the request names none), with absolute links when the
 * config has a `serverURL`.
 */
export const buildWebhookMessage = async (
  req: PayloadRequest,
  collection: WebhookCollection,
  event: string,
  doc: Record<string, unknown> & { id: number | string },
): Promise<WebhookMessage> => {
  const { payload } = req
  const localization = payload.config.localization
  const locale =
    typeof req.locale === 'string' && req.locale !== 'all'
      ? req.locale
      : localization
        ? localization.defaultLocale
        : 'en'
  const context = {
    apiRoute: payload.config.routes.api,
    origin: (payload.config.serverURL ?? '').replace(/\/+$/, ''),
    payload,
  }
  let item: unknown
  if (collection === NEWS_SLUG) {
    ;[item] = await toNewsItems([doc as NewsDoc], locale, context)
  } else if (collection === EVENTS_SLUG) {
    const [record] = await toEventRecords([doc as EventDoc], locale, context)
    item = record && toEventItem(record)
  } else {
    item = statisticItem(doc as StatisticDoc, locale, context)
  }
  return {
    type: `${collection}.${event}`,
    timestamp: new Date().toISOString(),
    data: { collection, id: String(doc.id), item: item ?? null, locale },
  }
}
