import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A static third-party website that embeds the CMS's widgets. */
export interface University {
  /** Origin, e.g. `http://localhost:41234` (another origin than the CMS). */
  origin: string
  /** The page in Ukrainian and in English: `/uk/` and `/en/`. */
  url: (lang: 'en' | 'uk') => string
  close: () => Promise<void>
}

/**
 * The policy the webmasters' guide recommends, with the CMS at `cms`: no inline script or style,
 * no `eval`, Trusted Types enforced, data, images and the bundle only from the CMS.
 */
export const universityCsp = (cms: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${cms}`,
    `style-src 'self' ${cms}`,
    `img-src 'self' ${cms} data:`,
    `connect-src 'self' ${cms}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ')

const CSS = `
body { font-family: Georgia, 'Times New Roman', serif; margin: 0; color: #1d1d1f; background: #faf8f5; }
header { background: #7a1f5c; color: #fff; padding: 1rem 2rem; }
header p { margin: 0; opacity: .85; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
section { margin: 2rem 0; }
etw-stats, etw-news-feed, etw-events { --etw-color-accent: #7a1f5c; }
`

const TEXT = {
  en: {
    title: 'Vasyl Stefanyk Precarpathian National University — eTwinning',
    lead: 'International office',
    stats: 'Azerbaijan in eTwinning',
    news: 'News',
    events: 'Events',
    fallbackStats: 'Azerbaijan in eTwinning: 4308 teachers.',
    fallbackNews: 'eTwinning news',
    fallbackEvents: 'eTwinning events',
  },
  uk: {
    title: 'Прикарпатський національний університет імені Василя Стефаника — eTwinning',
    lead: 'Відділ міжнародної співпраці',
    stats: 'Азербайджан в eTwinning',
    news: 'Новини',
    events: 'Події',
    fallbackStats: 'Азербайджан в eTwinning: 4308 учителів.',
    fallbackNews: 'Новини eTwinning',
    fallbackEvents: 'Події eTwinning',
  },
}

/** The page as a webmaster writes it: the bundle's script from the CMS and three tags with fallbacks. */
export const universityPage = (cms: string, lang: 'en' | 'uk') => {
  const text = TEXT[lang]
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${text.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/site.css">
<script src="${cms}/widgets/etw-widgets.js"></script>
</head>
<body>
<header><h1>${text.title}</h1><p>${text.lead}</p></header>
<main>
<section><h2>${text.stats}</h2>
<etw-stats country="AZ" metrics="teachers">
  <p>${text.fallbackStats}</p>
</etw-stats>
</section>
<section><h2>${text.news}</h2>
<etw-news-feed limit="3">
  <p><a href="${cms}/api/etw/v1/news.rss">${text.fallbackNews}</a></p>
</etw-news-feed>
</section>
<section><h2>${text.events}</h2>
<etw-events limit="3">
  <p><a href="${cms}/api/etw/v1/events.ics">${text.fallbackEvents}</a></p>
</etw-events>
</section>
</main>
</body>
</html>`
}

/**
 * Serves the university's pages on `host` (use another host name or port than the CMS, so the
 * widgets run cross-origin) under {@link universityCsp}. `empty` is a page with only the bundle.
 */
export const startUniversity = async (cms: string, host = 'localhost'): Promise<University> => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname
    const headers = { 'cache-control': 'no-cache', 'content-security-policy': universityCsp(cms) }
    if (path === '/site.css') {
      res.writeHead(200, { ...headers, 'content-type': 'text/css; charset=utf-8' }).end(CSS)
      return
    }
    const lang = path === '/uk/' ? 'uk' : path === '/en/' ? 'en' : undefined
    if (lang) {
      res
        .writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' })
        .end(universityPage(cms, lang))
      return
    }
    if (path === '/empty/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(
        // Each tag once, with another scope than the university's pages: the loader fetches
        // every tag's code, while the feed URLs differ from those the pages ask for.
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other</title><link rel="icon" href="data:,"><script src="${cms}/widgets/etw-widgets.js"></script></head><body><etw-stats country="UA"></etw-stats><etw-news-feed limit="1"></etw-news-feed><etw-events limit="1"></etw-events></body></html>`,
      )
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
  server.listen(0, host)
  await once(server, 'listening')
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (lang) => `${origin}/${lang}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
