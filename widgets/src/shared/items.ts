import { html } from 'lit/html.js'
import { hasIntlData } from './i18n'

/** What the widgets share in what they render: safe links, dates, the lists' English strings. */

/**
 * `url` resolved against `base` if it is http(s), else `undefined`: CMS data never becomes a
 * `javascript:` link or image.
 */
export const safeUrl = (url: string | null | undefined, base: string): string | undefined => {
  if (!url) return undefined
  try {
    const resolved = new URL(url, base)
    return resolved.protocol === 'https:' || resolved.protocol === 'http:'
      ? resolved.href
      : undefined
  } catch {
    return undefined
  }
}

/**
 * A calendar date (an ISO date-time) in `locale`, as a `<time part="date">`, isolated so that a
 * right-to-left date inside left-to-right text (or the reverse) keeps its order. `formatted` is the
 * CMS's text of it, shown when the browser lacks the locale's data.
 */
export const date = (locale: string, iso: string, formatted?: string) =>
  html`<time part="date" dir="auto" datetime=${iso}>${formatDate(locale, iso, formatted)}</time>`

/**
 * An ISO date or date-time in `locale` (`May 15, 2023`, `15 трав. 2023 р.`), in the browser's time
 * zone or `timeZone`; `formatted`, the CMS's text of it, when this browser lacks the locale's data.
 */
export const formatDate = (
  locale: string,
  iso: string,
  formatted?: string,
  timeZone?: 'UTC',
): string =>
  (!hasIntlData(locale) && formatted) ||
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(Date.parse(iso))

/** English strings of the lists; other languages are in `src/locales/`. */
export const EN = { empty: 'Nothing to show yet.' }
