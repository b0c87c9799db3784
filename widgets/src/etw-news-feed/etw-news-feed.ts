import type { Highlight, NewsItem, NewsResponse } from '@etw/client'
import { applyLinkTemplate } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import { t } from './etw-news-feed.strings'
import { direction } from '../shared/direction'
import { date, safeUrl } from '../shared/items'
import { picture } from '../shared/picture'
import { itemStyles } from '../shared/items.styles'
import type { FeedQuery } from '../shared/feed-element'
import { FeedListElement } from '../shared/feed-list'
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
 * @csspart search - The search form (with `search`): its label and `<input type="search">`.
 * @csspart mark - A matched word of a search (`<mark>`).
 *
 * @cssprop --etw-background - Background the widget paints when it has a `theme` (default: the surface colour, `#fff` or `#1b2129`).
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
export class EtwNewsFeed extends FeedListElement<NewsResponse> {
  static override styles = [baseStyles, itemStyles, newsStyles]
  static override properties: PropertyDeclarations = {
    organization: {},
    tag: {},
    linkTemplate: { attribute: 'link-template' },
    search: {},
    q: {},
    typed: { state: true },
  }

  /** Present: a search box above the list, searching as the reader types. */
  search: string | null = null

  /** Shows only the news that match these words (`q` of the feed API), highlighted. */
  q = ''

  /** What the reader typed in the search box, once they paused. */
  typed?: string

  #timer?: ReturnType<typeof setTimeout>
  #listening = false

  /** Only news of this organization (its slug, `k-pnu`). */
  organization = ''

  /** Only news with this tag. */
  tag = ''

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
        ...this.listQuery,
        organization: this.organization || undefined,
        tag: this.tag || undefined,
        q: this.#query || undefined,
      },
    }
  }

  /**
   * Listens to the search box through its shadow root, once it exists: listeners added here keep
   * Lit's event-binding code out of the code every widget shares.
   */
  protected override updated() {
    const root = this.shadowRoot
    if (this.#listening || this.search == null || !root) return
    this.#listening = true
    root.addEventListener('submit', (event) => event.preventDefault())
    root.addEventListener('input', (event) => {
      const { value } = event.target as HTMLInputElement
      clearTimeout(this.#timer)
      this.#timer = setTimeout(() => (this.typed = value), 300)
    })
  }

  /** The search in force: the reader's, else the `q` attribute; only words the API takes. */
  get #query() {
    const query = (this.typed ?? this.q ?? '').trim()
    return /[\p{L}\p{N}]/u.test(query) ? query : ''
  }

  protected override render() {
    const list = super.render()
    if (this.search == null) return list
    const locale = this.resolvedLocale
    const count = this.data?.items.length
    // The box speaks the widget's language, in its direction, like the list under it.
    const dir = direction(locale)
    return html`<form part="search" role="search" lang=${locale} dir=${dir}>
        <label for="q">${t(locale, 'searchLabel')}</label>
        <input id="q" type="search" maxlength="200" value=${this.typed ?? this.q ?? ''} />
      </form>
      <p class="meta" aria-live="polite" lang=${locale} dir=${dir}>
        ${this.#query && count !== undefined ? `${t(locale, 'searchFound')} ${count}` : ''}
      </p>
      ${list}`
  }

  /** One item; `locale` formats the date, the texts' locale fills `{locale}`. */
  protected renderItem(item: NewsItem, locale: string, data: NewsResponse) {
    const link =
      applyLinkTemplate(this.linkTemplate, {
        id: item.id,
        locale: data.locale || locale,
        slug: item.slug,
      }) ?? item.link
    // A list shows thumbnails; cards are as wide as the feed's hint says.
    const sizes = this.layout === 'cards' ? item.image?.sizes || '100vw' : '8rem'
    return html`<li part="item">
      ${picture(item.image, this.base, sizes)}
      <h3 part="title" dir="auto" lang=${item.locale || nothing}>
        <a part="link" href=${safeUrl(link, this.base) ?? nothing}
          >${marked(item, 'title', item.title)}</a
        >
      </h3>
      <span class="meta">${date(locale, item.publishedAt, item.formatted?.publishedAt)}</span>
      ${
        item.summary
          ? html`<p part="summary" dir="auto" lang=${item.locale || nothing}>
              ${marked(item, 'summary', item.summary)}
            </p>`
          : nothing
      }
    </li>`
  }
}

/** `text` with the words a search matched in `<mark>`, as Lit templates (never HTML). */
const marked = (item: NewsItem, field: Highlight['field'], text: string) => {
  const found = item.highlight?.find((h) => h.field === field)
  if (!found) return text
  let at = 0
  const parts = found.ranges.map(([start, end]) => {
    const before = found.text.slice(at, start)
    at = end
    return html`${before}<mark part="mark">${found.text.slice(start, end)}</mark>`
  })
  return [...parts, found.text.slice(at)]
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-news-feed': EtwNewsFeed
  }
}
