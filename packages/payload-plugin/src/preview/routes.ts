import type { EventsResponse, NewsResponse } from '@etw/client'
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import type { RouteContext } from '../feed/handler'
import type { PreviewClaims } from './token'

import { hasAnyRole } from '../access/roles'
import { readFeedOptions } from '../feed/options'
import { FeedError } from '../feed/errors'
import { EVENT_SELECT, eventsRoute, queryEvents, toEventItem, toEventRecords } from '../feed/events'
import type { EventDoc } from '../feed/events'
import { localesOf } from '../feed/feed'
import { NEWS_SELECT, newsRoute, queryNews, toNewsItems } from '../feed/news'
import type { NewsDoc } from '../feed/news'
import { parseQueryString, refuseUnknownParameters } from '../feed/params'
import { requestOrigin } from '../feed/urls'
import { EVENTS_SLUG, NEWS_SLUG } from '../slugs'
import { translate } from '../utilities/translate'
import { renderPreviewPage } from './page'
import { verifyPreviewToken } from './token'

/** Where previews are served, under Payload's API route: `/api/etw-preview/<token>`. */
export const PREVIEW_PATH = '/etw-preview'

/** Headers of every preview answer: never stored, never indexed, readable only by the CMS origin. */
const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
}

const error = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { headers: PRIVATE_HEADERS, status })

/**
 * Reads the token of the request and the draft it grants. `null` (answered 401) when the token is
 * missing, forged or expired, when its user no longer exists or has lost their team role, or when
 * the document is gone.
 */
const parsePreview = async (
  req: PayloadRequest,
): Promise<{
  claims: PreviewClaims
  draft: Record<string, unknown> & { id: number | string }
} | null> => {
  const token = String(req.routeParams?.token ?? '')
  const claims = await verifyPreviewToken(req.payload.secret, token)
  if (!claims || (claims.collection !== NEWS_SLUG && claims.collection !== EVENTS_SLUG)) return null
  const usersSlug = req.payload.config.admin.user as CollectionSlug
  const user = await req.payload
    .findByID({
      collection: usersSlug,
      depth: 0,
      disableErrors: true,
      id: claims.user,
      overrideAccess: true,
    })
    .catch(() => null)
  if (!hasAnyRole(user)) return null
  const idType = req.payload.db.defaultIDType === 'number' ? Number(claims.id) : claims.id
  const draft = (await req.payload
    .findByID({
      collection: claims.collection as CollectionSlug,
      depth: 0,
      disableErrors: true,
      draft: true,
      id: idType,
      locale: claims.locale as never,
      overrideAccess: true,
      select: claims.collection === NEWS_SLUG ? NEWS_SELECT : EVENT_SELECT,
    })
    .catch(() => null)) as (Record<string, unknown> & { id: number | string }) | null
  return draft ? { claims, draft } : null
}

const contextOf = (req: PayloadRequest, maxLimit: number): RouteContext => {
  const { defaultLocale, locales } = localesOf(req.payload)
  return {
    apiRoute: req.payload.config.routes.api,
    defaultLocale,
    idType: req.payload.db.defaultIDType === 'number' ? 'number' : 'text',
    locales,
    maxLimit,
    origin: requestOrigin(req.payload.config.serverURL, req.headers),
    pathname: new URL(req.url ?? '/', 'http://localhost').pathname,
    payload: req.payload,
  }
}

const unauthorized = () =>
  error(
    401,
    'preview_expired',
    'This preview link is not valid or has expired. Open the preview again from the admin.',
  )

/** `GET /api/etw-preview/<token>`: the page the admin's live preview shows. */
const pageEndpoint: Endpoint = {
  path: `${PREVIEW_PATH}/:token`,
  method: 'get',
  handler: async (req) => {
    const preview = await parsePreview(req)
    if (!preview) return unauthorized()
    const origin = requestOrigin(req.payload.config.serverURL, req.headers)
    const apiBase = `${origin}${req.payload.config.routes.api}${PREVIEW_PATH}/${String(req.routeParams?.token)}`
    const { body, nonce } = renderPreviewPage({
      apiBase,
      collection: preview.claims.collection as typeof NEWS_SLUG | typeof EVENTS_SLUG,
      locale: preview.claims.locale,
      banner: translate(req.t, 'previewBanner'),
      title: typeof preview.draft.title === 'string' ? preview.draft.title : '',
    })
    return new Response(body, {
      headers: {
        ...PRIVATE_HEADERS,
        'Content-Security-Policy': [
          "default-src 'none'",
          `script-src 'self' 'nonce-${nonce}'`,
          "connect-src 'self'",
          "img-src 'self' data: https:",
          "style-src 'self' 'unsafe-inline'",
          "frame-ancestors 'self'",
          "base-uri 'none'",
          "form-action 'none'",
        ].join('; '),
        'Content-Type': 'text/html; charset=utf-8',
      },
    })
  },
}

/**
 * The feed route `route` as the widgets of the preview page read it: the same parameters and
 * answer as the public feed, with the draft as the first item (the public version of the same
 * document left out).
 */
const feedEndpoint = (kind: 'events' | 'news'): Endpoint => ({
  path: `${PREVIEW_PATH}/:token/api/etw/v1/${kind}`,
  method: 'get',
  handler: async (req) => {
    const preview = await parsePreview(req)
    if (!preview || preview.claims.collection !== kind) return unauthorized()
    const feedOptions = readFeedOptions(req.payload.config)
    const context = contextOf(req, feedOptions === false ? 50 : feedOptions.maxLimit)
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      const query = parseQueryString(url.search.replace(/^\?/, ''))
      const locale = preview.claims.locale
      if (kind === NEWS_SLUG) {
        refuseUnknownParameters(query, newsRoute.parameters)
        const params = { ...newsRoute.parse(query, context), locale }
        const doc = preview.draft as NewsDoc
        const [draftItem] = await toNewsItems(
          [{ ...doc, publishedAt: doc.publishedAt ?? new Date().toISOString() }],
          locale,
          context,
        )
        const page = await queryNews(params, context)
        const items = [draftItem!, ...page.items.filter((item) => item.id !== String(doc.id))]
        const response: NewsResponse = {
          hasNextPage: page.hasNextPage,
          items: items.slice(0, params.limit),
          limit: params.limit,
          locale,
          nextCursor: null,
          page: 1,
        }
        return Response.json(response, { headers: PRIVATE_HEADERS })
      }
      refuseUnknownParameters(query, eventsRoute.parameters)
      const params = { ...eventsRoute.parse(query, context), locale }
      const doc = preview.draft as EventDoc
      const [record] = await toEventRecords([doc], locale, context)
      const page = await queryEvents(params, context)
      const items = [
        toEventItem(record!),
        ...page.items.filter((item) => item.id !== String(doc.id)).map(toEventItem),
      ]
      const response: EventsResponse = {
        hasNextPage: page.hasNextPage,
        items: items.slice(0, params.limit),
        limit: params.limit,
        locale,
        nextCursor: null,
        page: 1,
        when: params.when,
      }
      return Response.json(response, { headers: PRIVATE_HEADERS })
    } catch (thrown) {
      if (thrown instanceof FeedError) {
        return Response.json(thrown.toBody(), { headers: PRIVATE_HEADERS, status: thrown.status })
      }
      throw thrown
    }
  },
})

/** The preview page and the two feed routes its widgets read. */
export const previewEndpoints = (): Endpoint[] => [
  pageEndpoint,
  feedEndpoint('news'),
  feedEndpoint('events'),
]
