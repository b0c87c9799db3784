import type { FeedImage } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'
import { hasIntlData } from './i18n'

/** What the widgets that show feed items (`<etw-news-feed>`, `<etw-events>`, `<etw-article>`) render alike. */

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

/** `srcset` with only http(s) URLs: CMS data never points an image elsewhere. */
const srcset = (value: string | undefined, base: string) =>
  value
    ?.split(', ')
    .filter((candidate) => safeUrl(candidate.split(' ')[0], base))
    .join(', ') || nothing

/**
 * `image` as a `<picture>`: its AVIF and WebP widths first, then the `<img>` with `srcset`, `sizes`
 * and its intrinsic `width`/`height` (so the page does not shift when it loads), or nothing when it
 * has no http(s) URL.
 *
 * @param sizes how wide the layout shows the image (`sizes`).
 * @param loading `lazy` below the fold, `eager` for an image the reader sees first.
 */
export const picture = (
  image: FeedImage | null | undefined,
  base: string,
  sizes: string,
  loading: 'eager' | 'lazy' = 'lazy',
): TemplateResult | typeof nothing => {
  const src = safeUrl(image?.url, base)
  if (!image || !src) return nothing
  return html`<picture
    >${(image.sources ?? []).map(
      (source) =>
        html`<source type=${source.type} srcset=${srcset(source.srcset, base)} sizes=${sizes} />`,
    )}<img
      part="image"
      src=${src}
      srcset=${srcset(image.srcset, base)}
      sizes=${sizes}
      alt=${image.alt ?? ''}
      width=${image.width ?? nothing}
      height=${image.height ?? nothing}
      loading=${loading}
  /></picture>`
}

/**
 * A calendar date (an ISO date-time) in `locale`, as a `<time part="date">`, isolated so that a
 * right-to-left date inside left-to-right text (or the reverse) keeps its order. `formatted` is the
 * CMS's text of it, shown when the browser lacks the locale's data.
 */
export const date = (locale: string, iso: string, formatted?: string) =>
  html`<time part="date" dir="auto" datetime=${iso}
    >${
      (!hasIntlData(locale) && formatted) ||
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
    }</time
  >`

/** English strings of the lists; other languages are in `src/locales/`. */
export const EN = { empty: 'Nothing to show yet.' }
