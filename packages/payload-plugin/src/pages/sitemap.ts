import type { CollectionSlug } from 'payload'

import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'

import { publishedWhere } from '../feed/routes/item'
import { absoluteUrl } from '../feed/urls'
import { EVENTS_SLUG, NEWS_SLUG } from '../slugs'

/** Documents per sitemap file: with three locales, well under the protocol's 50,000 URLs. */
export const SITEMAP_CHUNK = 10_000

const XML_TYPE = 'application/xml; charset=utf-8'

const KINDS = { events: EVENTS_SLUG, news: NEWS_SLUG } as const

/** Which sitemap file a path names: the index, the list pages, or a chunk of news or events. */
export type SitemapFile =
  { kind: 'events' | 'news'; chunk: number } | { kind: 'index' } | { kind: 'pages' }

/** The sitemap file of `pathname`, or `null`. */
export const matchSitemap = (pathname: string): SitemapFile | null => {
  if (pathname === '/sitemap.xml') return { kind: 'index' }
  if (pathname === '/sitemap-pages.xml') return { kind: 'pages' }
  const match = /^\/sitemap-(news|events)-([1-9]\d{0,5})\.xml$/.exec(pathname)
  return match ? { chunk: Number(match[2]), kind: match[1] as 'events' | 'news' } : null
}

const urlset = (entries: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`

/** One `<url>` per locale of a page, each naming every locale (and `x-default`) as alternates. */
const localizedEntries = (
  context: RouteContext,
  path: (locale: string) => string,
  lastmod?: string,
) => {
  const alternates = [
    ...context.locales.map(
      (code) =>
        html`<xhtml:link
          rel="alternate"
          hreflang="${code}"
          href="${absoluteUrl(context.origin, path(code))}"
        />`,
    ),
    html`<xhtml:link
      rel="alternate"
      hreflang="x-default"
      href="${absoluteUrl(context.origin, path(context.defaultLocale))}"
    />`,
  ].join('')
  return context.locales.map(
    (code) =>
      html`<url
        ><loc>${absoluteUrl(context.origin, path(code))}</loc
        >!${lastmod ? html`<lastmod>${lastmod}</lastmod>` : ''}!${alternates}</url
      >`,
  )
}

const countPublished = async (context: RouteContext, collection: CollectionSlug) =>
  (
    await context.payload.count({
      collection,
      overrideAccess: false,
      where: { and: publishedWhere(collection) },
    })
  ).totalDocs

/**
 * `sitemap.xml` (an index), `sitemap-pages.xml` (home and lists) and `sitemap-{news,events}-N.xml`
 * (published items, {@link SITEMAP_CHUNK} a file, with `lastmod` and hreflang alternates). A chunk
 * beyond the last is `null` (404).
 */
export const renderSitemap = async (
  file: SitemapFile,
  context: RouteContext,
): Promise<RouteBody | null> => {
  if (file.kind === 'index') {
    const [news, events] = await Promise.all([
      countPublished(context, NEWS_SLUG),
      countPublished(context, EVENTS_SLUG),
    ])
    const files = [
      '/sitemap-pages.xml',
      ...Array.from(
        { length: Math.ceil(news / SITEMAP_CHUNK) },
        (_, i) => `/sitemap-news-${i + 1}.xml`,
      ),
      ...Array.from(
        { length: Math.ceil(events / SITEMAP_CHUNK) },
        (_, i) => `/sitemap-events-${i + 1}.xml`,
      ),
    ]
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
      .map((path) => html`<sitemap><loc>${absoluteUrl(context.origin, path)}</loc></sitemap>`)
      .join('\n')}\n</sitemapindex>\n`
    return { body, contentType: XML_TYPE }
  }
  if (file.kind === 'pages') {
    return {
      body: urlset(
        ['', '/news', '/events'].flatMap((rest) =>
          localizedEntries(context, (code) => `/${code}${rest}`),
        ),
      ),
      contentType: XML_TYPE,
    }
  }
  const collection = KINDS[file.kind]
  const { docs } = await context.payload.find({
    collection,
    depth: 0,
    draft: false,
    limit: SITEMAP_CHUNK,
    overrideAccess: false,
    page: file.chunk,
    pagination: true,
    select: { slug: true, updatedAt: true },
    sort: 'id',
    where: { and: publishedWhere(collection) },
  })
  if (docs.length === 0) return null
  const entries = (
    docs as unknown as { slug?: string | null; updatedAt?: string | null }[]
  ).flatMap((doc) =>
    doc.slug
      ? localizedEntries(
          context,
          (code) => `/${code}/${file.kind}/${encodeURIComponent(doc.slug as string)}`,
          doc.updatedAt ? new Date(doc.updatedAt).toISOString() : undefined,
        )
      : [],
  )
  return { body: urlset(entries), contentType: XML_TYPE }
}

/** `robots.txt`: everything public may be crawled, the admin and the API not; the sitemap named. */
export const renderRobots = (context: RouteContext): RouteBody => ({
  body: `User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: ${context.apiRoute}/\nAllow: ${context.apiRoute}/etw/v1/news.rss\nAllow: ${context.apiRoute}/etw/v1/events.ics\nAllow: ${context.apiRoute}/media/\nSitemap: ${absoluteUrl(context.origin || 'http://localhost', '/sitemap.xml')}\n`,
  contentType: 'text/plain; charset=utf-8',
})
