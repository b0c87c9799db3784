import { html } from 'ghtml'

import type { RouteContext } from '../feed/handler'
import type { Site } from './site'

import { ICON_PATH, STYLESHEET_PATH } from './styles'
import { languageName, pageText } from './text'

/** A document's `<head>` facts and its body. */
export interface PageDocument {
  /** Locale the page's texts are in: `<html lang>`. */
  lang: string
  /** Locale of the address (`/{locale}/…`): the interface strings. */
  locale: string
  title: string
  description: string | null
  /** Absolute (when the origin is known) canonical URL. */
  canonical: string
  /** The same page in every locale, by locale. */
  alternates: Record<string, string>
  /** `og:type`: `article`, `website`. */
  type: 'article' | 'website'
  image?: { url: string; alt: string } | null
  /** Structured data, written as JSON-LD. */
  jsonLd?: object | null
  /** Extra `<link>`s: `rel`, `href`, `type`, `title`. */
  links?: { rel: string; href: string; type?: string; title?: string }[]
  /** The page's main content, already rendered. */
  main: string
  site: Site
  /**
   * Trusted markup around the page: in `<head>`, at the start and at the end of `<body>` (a
   * draft's preview adds its banner, widgets and script). Public pages have none.
   */
  frame?: { head?: string; start?: string; end?: string }
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` written as `\u003c`, so that no string in
 * it can close the script element.
 */
export const jsonLdText = (value: object): string => JSON.stringify(value).replace(/</g, '\\u003c')

/** Right-to-left scripts among the languages a page may be in. */
const RTL = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'ur', 'yi'])

/** `rtl` for a right-to-left language, else `ltr`. */
export const direction = (lang: string): 'ltr' | 'rtl' =>
  RTL.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr'

/** The navigation of every page: home, news, events, search, and the page in the other locales. */
const header = (doc: PageDocument, context: RouteContext): string => {
  const { locale, site } = doc
  const logo = site.logo
    ? html`<img
        class="logo"
        src="${site.logo.url}"
        alt=""
        width="${site.logo.width ?? ''}"
        height="${site.logo.height ?? ''}"
      />`
    : ''
  const languages = context.locales.map((code) =>
    code === locale
      ? html`<li><span aria-current="true" lang="${code}">${languageName(code)}</span></li>`
      : html`<li>
          <a href="${doc.alternates[code] ?? `/${code}`}" hreflang="${code}" lang="${code}"
            >${languageName(code)}</a
          >
        </li>`,
  )
  // The navigation is in the address's language, which may read the other way than the content.
  const lang = doc.lang === locale ? '' : html` lang="${locale}" dir="${direction(locale)}"`
  return html`<header class="site" !${lang}>
    <a class="brand" href="/${locale}">!${logo}<span>${site.name}</span></a>
    <nav aria-label="${site.name}">
      <ul>
        <li><a href="/${locale}/news">${pageText(locale, 'pageNews')}</a></li>
        <li><a href="/${locale}/events">${pageText(locale, 'pageEvents')}</a></li>
        <li><a href="/${locale}/search">${pageText(locale, 'pageSearch')}</a></li>
      </ul>
    </nav>
    <nav aria-label="${pageText(locale, 'pageLanguages')}">
      <ul class="languages">
        !${languages}
      </ul>
    </nav>
  </header>`
}

/** A whole HTML document: honest `lang`, canonical and alternates, OpenGraph, Twitter card, JSON-LD. */
export const renderDocument = (doc: PageDocument, context: RouteContext): string => {
  const title = doc.title === doc.site.name ? doc.title : `${doc.title} — ${doc.site.name}`
  const alternates = Object.entries(doc.alternates).map(
    ([code, href]) => html`<link rel="alternate" hreflang="${code}" href="${href}" />`,
  )
  const defaultAlternate = doc.alternates[context.defaultLocale]
  const meta = [
    doc.description ? html`<meta name="description" content="${doc.description}" />` : '',
    html`<meta property="og:type" content="${doc.type}" />`,
    html`<meta property="og:title" content="${doc.title}" />`,
    html`<meta property="og:url" content="${doc.canonical}" />`,
    html`<meta property="og:site_name" content="${doc.site.name}" />`,
    html`<meta property="og:locale" content="${doc.lang}" />`,
    doc.description ? html`<meta property="og:description" content="${doc.description}" />` : '',
    doc.image ? html`<meta property="og:image" content="${doc.image.url}" />` : '',
    doc.image ? html`<meta property="og:image:alt" content="${doc.image.alt}" />` : '',
    html`<meta name="twitter:card" content="${doc.image ? 'summary_large_image' : 'summary'}" />`,
    html`<meta name="twitter:title" content="${doc.title}" />`,
    doc.description ? html`<meta name="twitter:description" content="${doc.description}" />` : '',
    doc.image ? html`<meta name="twitter:image" content="${doc.image.url}" />` : '',
  ]
  const links = (doc.links ?? []).map(
    (link) =>
      html`<link
        rel="${link.rel}"
        href="${link.href}"
        !${link.type ? html` type="${link.type}"` : ''}!${link.title ? html` title="${link.title}"` : ''}
      />`,
  )
  const jsonLd = doc.jsonLd
    ? `<script type="application/ld+json">${jsonLdText(doc.jsonLd)}</script>`
    : ''
  return `<!doctype html>\n${html`<html lang="${doc.lang}" dir="${direction(doc.lang)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>${title}</title>
      <link rel="canonical" href="${doc.canonical}" />
      !${alternates}
      !${defaultAlternate ? html`<link rel="alternate" hreflang="x-default" href="${defaultAlternate}" />` : ''}
      !${meta} !${links}
      <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      <link rel="icon" href="${ICON_PATH}" type="image/svg+xml" />
      !${jsonLd} !${doc.frame?.head ?? ''}
    </head>
    <body>
      !${doc.frame?.start ?? ''}
      <a class="skip" href="#main" lang="${doc.locale}" dir="${direction(doc.locale)}"
        >${pageText(doc.locale, 'pageSkip')}</a
      >
      !${header(doc, context)}
      <main id="main">!${doc.main}</main>
      <footer class="site"><p>${doc.site.name}</p></footer>
      !${doc.frame?.end ?? ''}
    </body>
  </html> `}`
}
