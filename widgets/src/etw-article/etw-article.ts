import type { NewsArticle } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import { date, safeUrl } from '../shared/items'
import { picture } from '../shared/picture'
import { itemStyles } from '../shared/items.styles'
import { EtwErrorEvent } from '../shared/events'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { baseStyles } from '../shared/styles'
import { heading, richText } from './etw-article.rich-text'
import { t } from './etw-article.strings'
import { articleStyles } from './etw-article.styles'

/**
 * One published eTwinning news item in full — cover, title, date, organization, summary, body,
 * source and related events — so a host site can show articles on a page of its own. Which one
 * comes from `slug`, else from the page address's `slug-param` parameter
 * (`/etwinning/article?slug=…`).
 *
 * @tag etw-article
 * @summary One eTwinning article.
 *
 * @slot - Fallback shown until data arrives, and if it never does (also what search engines see).
 *
 * @csspart base - Wrapper of the rendered data.
 * @csspart article - The `<article>`.
 * @csspart image - The cover and the body's images.
 * @csspart title - The article's heading (`heading-level`).
 * @csspart meta - The line with the date and the organization.
 * @csspart date - The publication date (`<time>`).
 * @csspart organization - The organization's name.
 * @csspart summary - The summary, above the body.
 * @csspart body - The article's text.
 * @csspart source - The "originally published by" line.
 * @csspart related - The related events: their heading and list.
 *
 * @cssprop --etw-background - Background the widget paints when it has a `theme` (default: the surface colour, `#fff` or `#1b2129`).
 * @cssprop --etw-color-text - Text colour.
 * @cssprop --etw-color-muted - Colour of dates and secondary text.
 * @cssprop --etw-color-accent - Colour of links.
 * @cssprop --etw-color-border - Quotation bar.
 * @cssprop --etw-font-family - Font; the page's font by default.
 * @cssprop --etw-gap - Space between the article's parts.
 * @cssprop --etw-radius - Corner radius of images.
 *
 * @event etw-load - {EtwLoadEvent} Fresh data from the CMS has been rendered.
 * @event etw-error - {EtwErrorEvent} The article could not be loaded (an unknown or unpublished slug, no slug, or failures after retries); the fallback or the last good data stays.
 */
export class EtwArticle extends FeedElement<NewsArticle> {
  static override styles = [baseStyles, itemStyles, articleStyles]
  static override properties: PropertyDeclarations = {
    slug: {},
    slugParam: { attribute: 'slug-param' },
    headingLevel: { attribute: 'heading-level', type: Number },
  }

  /** The article's slug (`etwinning-seminar-was-held-in-baku`); wins over `slug-param`. */
  slug = ''

  /**
   * Name of the page address's query parameter that holds the slug when `slug` is not set
   * (`slug-param="slug"` reads `?slug=…`), so one page of the host site shows every article.
   */
  slugParam = ''

  /** Level of the article's title (1–6); the body's headings and "Related events" come below it. */
  headingLevel = 2

  #missing = false

  get #slug() {
    return (
      this.slug ||
      (this.slugParam && new URLSearchParams(location.search).get(this.slugParam)) ||
      ''
    )
  }

  protected feedQuery(): FeedQuery {
    return { kind: `news/${encodeURIComponent(this.#slug)}`, query: {} }
  }

  protected override willUpdate() {
    if (this.#slug) return super.willUpdate()
    // Nothing to ask the CMS for: the fallback stays, and the page learns why once.
    if (!this.#missing) {
      this.#missing = true
      this.dispatchEvent(new EtwErrorEvent(new Error('etw-article: no slug'), ''))
    }
  }

  protected renderData(data: NewsArticle, locale: string) {
    const level = this.headingLevel
    const source = data.source
    const sourceUrl = safeUrl(source?.url, this.base)
    // The article's texts take the direction of their own words; its frame, the widget's.
    return html`<article part="article" lang=${data.locale || nothing}>
      ${picture(data.image, this.base, data.image?.sizes || '100vw', 'eager')}
      ${heading(level, data.title, 'title')}
      <p part="meta" class="meta">
        ${date(locale, data.publishedAt, data.formatted?.publishedAt)}${
          data.organization
            ? html` · <span part="organization" dir="auto">${data.organization.name}</span>`
            : nothing
        }
      </p>
      ${data.summary ? html`<p part="summary" class="summary" dir="auto">${data.summary}</p>` : nothing}
      <div part="body">${richText(data.body, level, this.base)}</div>
      ${
        source && (sourceUrl || source.title)
          ? html`<p part="source" class="meta">
              ${t(locale, 'source')}
              ${
                sourceUrl
                  ? html`<a href=${sourceUrl} rel="noopener" dir="auto"
                      >${source.title || sourceUrl}</a
                    >`
                  : html`<span dir="auto">${source.title}</span>`
              }
            </p>`
          : nothing
      }
      ${
        data.relatedEvents?.length
          ? html`<section part="related">
              ${heading(level + 1, t(locale, 'related'))}
              <ul role="list">
                ${data.relatedEvents.map(
                  (event) =>
                    html`<li>
                      <a href=${safeUrl(event.link, this.base) ?? nothing} dir="auto"
                        >${event.title}</a
                      >
                      <span class="meta">${date(locale, event.start, event.formatted?.start)}</span>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    </article>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-article': EtwArticle
  }
}
