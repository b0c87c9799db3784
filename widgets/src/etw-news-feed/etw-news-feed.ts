import type { NewsItem, NewsResponse } from '@etw/client'
import { applyLinkTemplate } from '@etw/client'
import { html, nothing } from 'lit'
import type { PropertyDeclarations } from 'lit'
import { safeUrl } from '../shared/config'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { formatDate, t } from './etw-news-feed.strings'
import { baseStyles } from '../shared/styles'
import { newsStyles } from './etw-news-feed.styles'

/**
 * The latest published eTwinning news: linked title, date, summary and an optional image.
 *
 * @tag etw-news-feed
 * @summary Latest eTwinning news.
 *
 * @slot - Fallback shown until data arrives, and if it never does (also what search engines see).
 *
 * @csspart base - Wrapper of the rendered data.
 * @csspart list - The `<ul>` of news.
 * @csspart item - One news item (`<li>`).
 * @csspart image - An item's image.
 * @csspart title - An item's heading (`<h3>`).
 * @csspart link - The link inside the heading.
 * @csspart date - The publication date (`<time>`).
 * @csspart summary - An item's summary.
 * @csspart empty - The text shown when there is no news.
 *
 * @cssprop --etw-color-text - Text colour.
 * @cssprop --etw-color-muted - Colour of dates and secondary text.
 * @cssprop --etw-color-accent - Colour of links.
 * @cssprop --etw-color-surface - Background of cards.
 * @cssprop --etw-color-border - Borders and separators.
 * @cssprop --etw-font-family - Font; the page's font by default.
 * @cssprop --etw-gap - Space between items.
 * @cssprop --etw-radius - Corner radius of cards and images.
 * @cssprop --etw-card-min-width - Narrowest card in the `cards` layout (default `16rem`).
 * @cssprop --etw-thumb-width - Image width in the `list` layout (default `8rem`).
 *
 * @event etw-load - {EtwLoadEvent} Fresh data from the CMS has been rendered.
 * @event etw-error - {EtwErrorEvent} Data could not be loaded after retries; the fallback or the last good data stays.
 */
export class EtwNewsFeed extends FeedElement<NewsResponse> {
  static override styles = [baseStyles, newsStyles]
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    country: {},
    organization: {},
    tag: {},
    layout: {},
    linkTemplate: { attribute: 'link-template' },
  }

  /** How many items to show (the CMS caps it). */
  limit = 5

  /** Only news about this country (ISO 3166-1 alpha-2, `UA`). */
  country = ''

  /** Only news of this organization (its slug, `k-pnu`). */
  organization = ''

  /** Only news with this tag. */
  tag = ''

  /** `list` (one per row) or `cards` (a responsive grid). */
  layout: 'cards' | 'list' = 'list'

  /**
   * Where titles lead, when the host site shows articles on its own page:
   * `https://univ.example/article?slug={slug}&lang={locale}` (`{slug}`, `{id}`, `{locale}`). Used
   * only when the result is an `http:`/`https:` URL; otherwise the feed's `link` stays.
   */
  linkTemplate = ''

  protected feedQuery(): FeedQuery {
    return {
      kind: 'news',
      query: {
        limit: this.limit > 0 ? this.limit : undefined,
        country: this.country.toUpperCase() || undefined,
        organization: this.organization || undefined,
        tag: this.tag || undefined,
      },
    }
  }

  /** `srcset` with only http(s) URLs: CMS data never points an image elsewhere. */
  #srcset(srcset: string | undefined) {
    return (
      srcset
        ?.split(', ')
        .filter((candidate) => safeUrl(candidate.split(' ')[0], this.base))
        .join(', ') || nothing
    )
  }

  /** One item; `locale` formats the date, `contentLocale` (the texts' locale) fills `{locale}`. */
  #item(item: NewsItem, locale: string, contentLocale: string) {
    const image = item.image
    const link =
      applyLinkTemplate(this.linkTemplate, {
        id: item.id,
        locale: contentLocale,
        slug: item.slug,
      }) ?? item.link
    const src = safeUrl(image?.url, this.base)
    // A list shows thumbnails; cards are as wide as the feed's hint says.
    const sizes = this.layout === 'cards' ? image?.sizes || nothing : '8rem'
    return html`<li part="item">
      ${
        image && src
          ? html`<picture
              >${(image.sources ?? []).map(
                (source) =>
                  html`<source
                    type=${source.type}
                    srcset=${this.#srcset(source.srcset)}
                    sizes=${sizes}
                  />`,
              )}<img
                part="image"
                src=${src}
                srcset=${this.#srcset(image.srcset)}
                sizes=${sizes}
                alt=${image.alt ?? ''}
                width=${image.width ?? nothing}
                height=${image.height ?? nothing}
                loading="lazy"
            /></picture>`
          : nothing
      }
      <h3 part="title">
        <a part="link" href=${safeUrl(link, this.base) ?? nothing}>${item.title}</a>
      </h3>
      <time part="date" class="meta" datetime=${item.publishedAt}
        >${formatDate(locale, new Date(item.publishedAt))}</time
      >
      ${item.summary ? html`<p part="summary">${item.summary}</p>` : nothing}
    </li>`
  }

  protected renderData(data: NewsResponse, locale: string) {
    if (!data.items.length) return html`<p part="empty" class="meta">${t(locale, 'empty')}</p>`
    return html`<ul part="list" class=${this.layout === 'cards' ? 'cards' : 'list'} role="list">
      ${data.items.map((item) => this.#item(item, locale, data.locale || locale))}
    </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-news-feed': EtwNewsFeed
  }
}
