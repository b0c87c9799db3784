import type { StatMetric, StatsResponse } from '@etw/client'
import { html } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { strings } from '../shared/i18n'
import { safeUrl } from '../shared/items'
import { numberFormat } from './etw-stats.format'
import { formatChange, formatDay, t } from './etw-stats.strings'
import { baseStyles } from '../shared/styles'
import { statsStyles } from './etw-stats.styles'

const DURATION = 1200
const easeOut = (x: number) => 1 - (1 - x) ** 3

/**
 * Animated counters of eTwinning figures (teachers, schools, projects, …) for a country, an
 * organization or the whole programme. The final values are shown from the start — to screen
 * readers throughout, on paper, and at once for visitors who prefer reduced motion; on screen they
 * count up once when the widget scrolls into view.
 *
 * @tag etw-stats
 * @summary Animated eTwinning counters.
 *
 * @slot - Fallback shown until data arrives, and if it never does (also what search engines see).
 *
 * @csspart base - Wrapper of the rendered data.
 * @csspart list - The `<dl>` holding every figure.
 * @csspart item - One figure: its value and label.
 * @csspart value - A number (`<dd>`).
 * @csspart label - A metric's name (`<dt>`).
 * @csspart change - The difference to the previous snapshot (`show-change`).
 * @csspart note - The line under the counters with their date and source (`show-date`, `show-source`).
 * @csspart source - The source's name, a link when it has a web address.
 *
 * @cssprop --etw-background - Background the widget paints when it has a `theme` (default: the surface colour, `#fff` or `#1b2129`).
 * @cssprop --etw-color-text - Text colour.
 * @cssprop --etw-color-muted - Colour of labels and secondary text.
 * @cssprop --etw-color-accent - Colour of the numbers and links.
 * @cssprop --etw-color-surface - Background of cards.
 * @cssprop --etw-color-border - Border of cards.
 * @cssprop --etw-font-family - Font; the page's font by default.
 * @cssprop --etw-gap - Space between figures or items.
 * @cssprop --etw-number-size - Largest font size of the numbers (default `2.25em`); smaller when the row is narrow.
 * @cssprop --etw-number-weight - Font weight of the numbers (default `700`).
 * @cssprop --etw-stat-align - Text alignment of a figure (default `center`).
 *
 * @event etw-load - {EtwLoadEvent} Fresh data from the CMS has been rendered.
 * @event etw-error - {EtwErrorEvent} Data could not be loaded after retries; the fallback or the last good data stays.
 */
export class EtwStats extends FeedElement<StatsResponse> {
  static override styles = [baseStyles, statsStyles]
  static override properties: PropertyDeclarations = {
    country: {},
    organization: {},
    metrics: {},
    showDate: { attribute: 'show-date', type: Boolean },
    showSource: { attribute: 'show-source', type: Boolean },
    showChange: { attribute: 'show-change', type: Boolean },
    _progress: { state: true },
  }

  /** ISO 3166-1 alpha-2 code of the country to show (`AZ`); programme-wide when empty. */
  country = ''

  /** Slug of the organization to show (`k-pnu`), instead of a country. */
  organization = ''

  /** Comma-separated metric keys, in display order (`teachers,schools,projects`); every metric when empty. */
  metrics = ''

  /** Boolean attribute: shows "As of {date}" under the counters. */
  showDate = false

  /** Boolean attribute: shows where the figures come from under the counters, linked. */
  showSource = false

  /** Boolean attribute: shows the difference to the previous snapshot ("+128 since May 2023"). */
  showChange = false

  /** How far the count-up is, 0 to 1: the final values (1) until it starts. */
  private _progress = 1
  /** The count-up has run, or started, or will not: it happens at most once. */
  #counted = false
  #visible = false
  #observer?: IntersectionObserver
  #frame = 0

  /** Shows the final values at once (before printing, or when the widget leaves the page). */
  #finish = () => {
    cancelAnimationFrame(this.#frame)
    this.#counted = true
    this._progress = 1
  }

  get #keys() {
    return this.metrics
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean)
  }

  protected feedQuery(): FeedQuery {
    return {
      kind: 'stats',
      query: {
        country: this.country.toUpperCase() || undefined,
        organization: this.organization || undefined,
        metrics: this.#keys,
      },
    }
  }

  override connectedCallback() {
    super.connectedCallback()
    addEventListener('beforeprint', this.#finish)
    if (
      this.#counted ||
      typeof IntersectionObserver === 'undefined' ||
      matchMedia('(prefers-reduced-motion: reduce)').matches
    ) {
      return
    }
    this.#observer = new IntersectionObserver((entries) => {
      this.#visible = entries.some((entry) => entry.isIntersecting)
      this.#count()
    })
    this.#observer.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    removeEventListener('beforeprint', this.#finish)
    this.#observer?.disconnect()
    // Counting up happens once; a widget moved in the DOM shows the final values.
    this.#finish()
  }

  protected override updated() {
    this.#count()
  }

  /** Counts up from 0, once, when there is data, it is on screen and the page is not printed. */
  #count() {
    if (this.#counted || !this.#visible || !this.data || matchMedia('print').matches) return
    this.#counted = true
    this.#observer?.disconnect()
    const start = performance.now()
    const tick = (now: number) => {
      // A frame's time can precede `start` (it is when the frame began): never count below 0, where
      // "-3,715" would be wider than the final value and move the figures around it.
      this._progress = Math.min(1, Math.max(0, (now - start) / DURATION))
      if (this._progress < 1) this.#frame = requestAnimationFrame(tick)
    }
    this._progress = 0
    this.#frame = requestAnimationFrame(tick)
  }

  protected renderData(data: StatsResponse, locale: string) {
    const keys = this.#keys
    const metrics = keys.length
      ? keys
          .map((key) => data.metrics.find((metric) => metric.key === key))
          .filter((metric): metric is StatMetric => !!metric)
      : data.metrics
    const progress = easeOut(this._progress)
    // Built-in metrics are named by the widget's strings (every language); custom ones by the CMS.
    const labels = strings(locale) ?? {}
    return html`<dl part="list">
        ${metrics.map((metric) => {
          const format = numberFormat(locale, metric.value, metric.formatted?.value)
          const plus = metric.approximate ? '+' : ''
          const final = format(metric.value) + plus
          return html`<div part="item" class="item">
            <dt part="label" dir="auto">${labels[metric.key] || metric.label || metric.key}</dt>
            <dd part="value">
              <span class="sr">${final}</span
              ><span class="num" dir="ltr" aria-hidden="true"
                ><span class="ghost">${final}</span
                ><span class="cur"
                  >${progress === 1 ? final : format(Math.round(metric.value * progress)) + plus}</span
                ></span
              >
            </dd>
            ${this.showChange ? this.#change(locale, format, metric) : ''}
          </div>`
        })}
      </dl>
      ${this.#note(metrics, locale)}`
  }

  /**
   * The change since the previous snapshot, on one line. The difference never gives way to the
   * ellipsis: where the language puts it after the date ("15 may 2023 tarixindən bəri +128"), the
   * words around it are what a narrow column cuts.
   */
  #change(locale: string, format: (n: number) => string, metric: StatMetric) {
    const previous = metric.previous
    const [before, after] = previous
      ? t(locale, 'since')
          .replace('{d}', formatDay(locale, previous.asOf, previous.formatted?.asOf))
          .split('{n}')
      : []
    return html`<dd part="change" class="line change">
      ${
        previous
          ? html`<span>${before}</span
              ><bdi dir="ltr">${formatChange(format, metric.value - previous.value)}</bdi
              ><span>${after}</span>`
          : ''
      }
    </dd>`
  }

  /** The dates and sources of `metrics`, each once, under the counters. */
  #note(metrics: StatMetric[], locale: string) {
    const seen = new Set<string>()
    const sources = !this.showSource
      ? []
      : metrics.flatMap(({ source }) => {
          const url = safeUrl(source?.url, this.base)
          const name = source?.title || url
          if (!name || seen.has(name)) return []
          seen.add(name)
          return [
            url
              ? html`<a part="source" href=${url} dir="auto">${name}</a>`
              : html`<span dir="auto">${name}</span>`,
          ]
        })
    const days = [
      ...new Set(metrics.map((metric) => formatDay(locale, metric.asOf, metric.formatted?.asOf))),
    ]
    const parts = [
      this.showDate && t(locale, 'asOf').replace('{d}', days.join(', ')),
      sources.length &&
        html`${t(locale, 'statsSource')}: ${sources.map((s, i) => [i ? ', ' : '', s])}`,
    ].filter(Boolean)
    return parts.length
      ? html`<p part="note" class="line">${parts.map((part, i) => [i ? ' · ' : '', part])}</p>`
      : ''
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-stats': EtwStats
  }
}
