import type { CollectionSlug } from 'payload'

import type { RouteContext } from '../feed/handler'
import type { Site } from './site'

import { FEED_ROUTES } from '../feed/routes'
import { absoluteUrl } from '../feed/urls'
import { PageRedirect } from './errors'
import { publishedWhere } from '../feed/routes/item'

/** Content type of the public pages. */
export const HTML_TYPE = 'text/html; charset=utf-8'

/** The page of an item in every locale, by locale. */
export const itemAlternates = (
  context: RouteContext,
  kind: 'events' | 'news',
  slug: string,
): Record<string, string> =>
  Object.fromEntries(
    context.locales.map((code) => [
      code,
      absoluteUrl(context.origin, `/${code}/${kind}/${encodeURIComponent(slug)}`),
    ]),
  )

/** A page without an item (`/uk/news`) in every locale. */
export const pageAlternates = (context: RouteContext, rest: string): Record<string, string> =>
  Object.fromEntries(
    context.locales.map((code) => [code, absoluteUrl(context.origin, `/${code}${rest}`)]),
  )

/** The RSS autodiscovery link of `locale`. */
export const rssLink = (context: RouteContext, locale: string, site: Site) => ({
  href: absoluteUrl(context.origin, `${context.apiRoute}${FEED_ROUTES.newsRss}?locale=${locale}`),
  rel: 'alternate',
  title: `${site.name} — RSS`,
  type: 'application/rss+xml',
})

/**
 * When a published document of `collection` had `slug` before, a permanent redirect to its page
 * under its current slug (`path`); nothing otherwise.
 */
export const findCurrentSlug = async (
  context: RouteContext,
  collection: CollectionSlug,
  slug: string,
  path: (current: string) => string,
): Promise<void> => {
  const { docs } = await context.payload.find({
    collection,
    depth: 0,
    draft: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    select: { slug: true },
    where: { and: [...publishedWhere(collection), { previousSlugs: { equals: slug } }] },
  })
  const current = (docs[0] as { slug?: string | null } | undefined)?.slug
  if (current && current !== slug) throw new PageRedirect(301, path(encodeURIComponent(current)))
}

/** A link that keeps the filters of a list page and changes `name`. */
export const listHref = (
  base: string,
  params: Record<string, number | string | undefined>,
): string => {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && !(name === 'page' && value === 1)) {
      query.set(name, String(value))
    }
  }
  const search = query.toString()
  return search ? `${base}?${search}` : base
}
