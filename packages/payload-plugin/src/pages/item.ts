import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { ResponsiveImage } from './images'
import type * as RichTextModule from './richText'
import type { PageDocument } from './layout'
import type { Site } from './site'

import { createLinkMaker } from '../feed/links'
import { relationId } from '../feed/relations'
import { richTextImageIds } from '../feed/richText'
import { loadLinkedDocumentUrls } from '../feed/routes/item'
import { imageTag, loadResponsiveImages } from './images'
import { renderDocument } from './layout'
import { HTML_TYPE, itemAlternates } from './shared'
import { loadSite } from './site'
import { languageName, pageText } from './text'

/** Which item a page shows, and what of its stored document the page renders itself. */
export interface ItemPageSource {
  kind: 'events' | 'news'
  /** Locale of the address (`/{locale}/…`). */
  locale: string
  /** Locale the item's texts are in (the default one where the item has none in `locale`). */
  contentLocale: string
  slug: string
  /** The stored cover relation. */
  cover: unknown
  /** The stored Lexical value of the body or description. */
  richText: unknown
}

/** What the article and event pages share: the frame of the page around the item. */
export interface ItemPageParts {
  site: Site
  cover: ResponsiveImage | undefined
  /** The rich text as vetted HTML. */
  bodyHtml: string
  /** The page in every locale, and the canonical one. */
  alternates: Record<string, string>
  canonical: string
  /** "Shown in English" when the item has no text in the address's locale, else `''`. */
  shownIn: string
  /** The `<figure>` of the cover, or `''`. */
  figure: string
}

let richTextModule: Promise<typeof RichTextModule> | undefined

// Lexical's HTML converters load on the first page rendered, once.
const loadRichText = () => (richTextModule ??= import('./richText'))

/**
 * The site, the cover and the images and internal links of the rich text, read at once, and the
 * rich text as HTML. Links to other news stay on this site whatever the link template says.
 */
export const loadItemPage = async (
  source: ItemPageSource,
  context: RouteContext,
): Promise<ItemPageParts> => {
  const { contentLocale, locale } = source
  const [site, images, urls, { richTextHtml }] = await Promise.all([
    loadSite(context, locale),
    loadResponsiveImages(
      context.payload,
      [source.cover, ...richTextImageIds(source.richText)],
      contentLocale,
      context.origin,
    ),
    createLinkMaker(context, locale).then((link) =>
      loadLinkedDocumentUrls(source.richText, context, locale, (kind, item) =>
        kind === 'news' ? `/${locale}/news/${encodeURIComponent(item.slug)}` : link(kind, item),
      ),
    ),
    loadRichText(),
  ])
  const bodyHtml = richTextHtml(source.richText, {
    document: (relationTo, id) => urls.get(`${relationTo}:${String(id)}`),
    image: (id) => images.get(String(id)),
  })
  const coverId = relationId(source.cover)
  const cover = coverId === undefined ? undefined : images.get(String(coverId))
  const alternates = itemAlternates(context, source.kind, source.slug)
  return {
    alternates,
    bodyHtml,
    canonical: alternates[locale]!,
    cover,
    figure: cover
      ? `<figure>${imageTag(cover, '(min-width: 48rem) 46rem, 100vw', true)}</figure>`
      : '',
    shownIn:
      contentLocale === locale
        ? ''
        : html`<p class="meta" lang="${locale}">
            ${pageText(locale, 'pageShownIn')} ${languageName(contentLocale)}
          </p>`,
    site,
  }
}

/**
 * The item of `found` as its page shows it (`toItem` without the feed's node tree) and the parts of
 * its page, read at once.
 */
export const readItemPage = async <Doc extends { cover?: unknown; slug?: unknown }, Item>(
  found: { doc: Doc; locale: string },
  { kind, richText }: Pick<ItemPageSource, 'kind' | 'richText'>,
  locale: string,
  context: RouteContext,
  toItem: (
    found: { doc: Doc; locale: string },
    context: RouteContext,
    options: { tree: boolean },
  ) => Promise<Item>,
): Promise<{ item: Item; parts: ItemPageParts; source: ItemPageSource }> => {
  const source: ItemPageSource = {
    contentLocale: found.locale,
    cover: found.doc.cover,
    kind,
    locale,
    richText,
    slug: String(found.doc.slug ?? ''),
  }
  const [item, parts] = await Promise.all([
    toItem(found, context, { tree: false }),
    loadItemPage(source, context),
  ])
  return { item, parts, source }
}

/** The whole HTML document of an item page from its parts and what the page itself wrote. */
export const itemPageBody = (
  parts: ItemPageParts,
  source: Pick<ItemPageSource, 'contentLocale' | 'locale'>,
  page: Pick<PageDocument, 'description' | 'frame' | 'jsonLd' | 'links' | 'main' | 'title'>,
  context: RouteContext,
): RouteBody & { site: Site } => ({
  body: renderDocument(
    {
      ...page,
      alternates: parts.alternates,
      canonical: parts.canonical,
      image: parts.cover ? { alt: parts.cover.alt, url: parts.cover.src } : null,
      lang: source.contentLocale,
      locale: source.locale,
      site: parts.site,
      type: 'article',
    },
    context,
  ),
  contentType: HTML_TYPE,
  site: parts.site,
})
