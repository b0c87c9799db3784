import type { FeedImage } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'
import { safeUrl } from './items'

/*
 * Images as the news feed and the article show them. The self-hosted build copies this module into
 * both tags' chunks (`build/copy-modules.ts`), so the shared chunk, which every page loads, is
 * without it.
 */

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
