import type { EventsResponse, NewsResponse } from '@etw/client'
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import type { RouteContext } from '../feed/handler'
import type { EventDetailDoc } from '../feed/routes/eventItem'
import type { ArticleDoc } from '../feed/routes/newsItem'
import type { PageDocument } from '../pages/layout'
import type { PreviewClaims } from './token'

import { html } from 'ghtml'

import { hasAnyRole } from '../access/roles'
import { readFeedOptions } from '../feed/options'
import { FeedError } from '../feed/errors'
import { eventsRoute, queryEvents, toEventItem, toEventRecords } from '../feed/events'
import type { EventDoc } from '../feed/events'
import { localesOf } from '../feed/feed'
import { newsRoute, queryNews, toNewsItems } from '../feed/news'
import type { NewsDoc } from '../feed/news'
import { parseQueryString, refuseUnknownParameters } from '../feed/params'
import { requestOrigin } from '../feed/urls'
import { EVENT_DETAIL_SELECT } from '../feed/routes/eventItem'
import { ARTICLE_SELECT } from '../feed/routes/newsItem'
import { renderArticle } from '../pages/article'
import { renderEvent } from '../pages/event'
import { STYLESHEET_PATH } from '../pages/styles'
import { EVENTS_SLUG, NEWS_SLUG } from '../slugs'
import { translate } from '../utilities/translate'
import { previewFrame, previewPolicy } from './page'
import { readPreviewToken } from './token'

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

/** A draft a valid preview token grants, with the token's claims. */
interface Preview {
  claims: PreviewClaims
  draft: Record<string, unknown> & { id: number | string }
}

const expired = () =>
  error(
    401,
    'preview_expired',
    'This preview link has expired. Open the preview again from the admin.',
  )

const notFound = () =>
  error(404, 'preview_not_found', 'No preview has this address. Open the preview from the admin.')

const forbidden = () =>
  error(403, 'preview_forbidden', 'The user this preview was made for may no longer see drafts.')

/**
 * Reads the token of the request and the draft it grants, or the answer that grants nothing: 401
 * for an expired token; 404 for a missing, forged or altered one, and when the document is gone;
 * 403 when the token's user no longer exists or has lost their team role. No answer but the
 * granted one carries anything of the draft.
 */
const parsePreview = async (req: PayloadRequest): Promise<Preview | Response> => {
  const token = String(req.routeParams?.token ?? '')
  const read = await readPreviewToken(req.payload.secret, token)
  if (!('claims' in read)) return read.error === 'expired' ? expired() : notFound()
  const { claims } = read
  if (claims.collection !== NEWS_SLUG && claims.collection !== EVENTS_SLUG) return notFound()
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
  if (!hasAnyRole(user)) return forbidden()
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
      select: claims.collection === NEWS_SLUG ? ARTICLE_SELECT : EVENT_DETAIL_SELECT,
    })
    .catch(() => null)) as Preview['draft'] | null
  return draft ? { claims, draft } : notFound()
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
    reads: new Map(),
  }
}

/**
 * The public page of the draft with the preview's frame around it; when the draft cannot make a
 * page yet (an event without its dates), the frame alone, whose widget says what it can.
 */
const renderDraftPage = async (
  preview: Preview,
  context: RouteContext,
  frame: NonNullable<PageDocument['frame']>,
): Promise<string> => {
  const { locale } = preview.claims
  try {
    if (preview.claims.collection === NEWS_SLUG) {
      const doc = preview.draft as ArticleDoc
      // A draft has no publication date yet: it shows the date it would have if published now.
      const found = {
        doc: { ...doc, publishedAt: doc.publishedAt ?? new Date().toISOString() },
        locale,
      }
      return (await renderArticle(found, locale, context, frame)).body
    }
    return (
      await renderEvent(
        { doc: preview.draft as EventDetailDoc, locale },
        locale,
        context,
        undefined,
        frame,
      )
    ).body
  } catch (thrown) {
    context.payload.logger.warn({ err: thrown }, 'preview: the draft has no page yet')
    return `<!doctype html>\n${html`<html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
        !${frame.head ?? ''}
      </head>
      <body>
        !${frame.start ?? ''} !${frame.end ?? ''}
      </body>
    </html>`}`
  }
}

/**
 * `GET /api/etw-preview/<token>`: the page the admin's live preview shows — the draft's public
 * page, then the widget that shows it on other sites, both as readers will see them.
 */
const pageEndpoint: Endpoint = {
  path: `${PREVIEW_PATH}/:token`,
  method: 'get',
  handler: async (req) => {
    const preview = await parsePreview(req)
    if (preview instanceof Response) return preview
    const feedOptions = readFeedOptions(req.payload.config)
    const context = contextOf(req, feedOptions === false ? 50 : feedOptions.maxLimit)
    const apiBase = `${context.origin}${req.payload.config.routes.api}${PREVIEW_PATH}/${String(req.routeParams?.token)}`
    const { frame, nonce } = previewFrame({
      apiBase,
      banner: translate(req.t, 'previewBanner'),
      collection: preview.claims.collection as typeof NEWS_SLUG | typeof EVENTS_SLUG,
      locale: preview.claims.locale,
      version: String(preview.draft.updatedAt ?? ''),
      widgetsHeading: translate(req.t, 'previewWidgets'),
    })
    const body = await renderDraftPage(preview, context, frame)
    return new Response(body, {
      headers: {
        ...PRIVATE_HEADERS,
        'Content-Security-Policy': previewPolicy(nonce),
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
    if (preview instanceof Response) return preview
    // A token grants its own document's feed only.
    if (preview.claims.collection !== kind) return notFound()
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
