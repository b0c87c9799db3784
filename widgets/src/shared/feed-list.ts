import { html } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'
import type { PropertyDeclarations } from './element'
import { FeedElement } from './feed-element'
import { translator } from './i18n'
import { EN } from './items'

const t = translator(EN)

/**
 * `items` as a `<ul part="list">` of one per row (`list`) or a grid of cards (`cards`), or a line
 * saying there is nothing to show.
 */
export const list = <T>(
  items: T[],
  layout: string,
  locale: string,
  item: (item: T) => TemplateResult,
) =>
  items.length
    ? html`<ul part="list" class=${layout === 'cards' ? 'cards' : 'list'} role="list">
        ${items.map(item)}
      </ul>`
    : html`<p part="empty" class="meta">${t(locale, 'empty')}</p>`

/**
 * What the widgets that show a list of feed items (`<etw-news-feed>`, `<etw-events>`) share: how
 * many, from which country, in which layout, and the list itself.
 */
export abstract class FeedListElement<T extends { items: unknown[] }> extends FeedElement<T> {
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    country: {},
    layout: {},
  }

  /** How many items to show (the CMS caps it). */
  limit = 5

  /** Only items about this country (ISO 3166-1 alpha-2, `AZ`). */
  country = ''

  /** `list` (one per row) or `cards` (a responsive grid). */
  layout: 'cards' | 'list' = 'list'

  /** `limit` and `country` as the feed API takes them: absent when unset. */
  protected get listQuery() {
    return {
      limit: this.limit > 0 ? this.limit : undefined,
      country: this.country.toUpperCase() || undefined,
    }
  }

  /** One item of `data`, as an `<li part="item">`. */
  protected abstract renderItem(item: T['items'][number], locale: string, data: T): TemplateResult

  protected renderData(data: T, locale: string) {
    return list(data.items, this.layout, locale, (item) => this.renderItem(item, locale, data))
  }
}
