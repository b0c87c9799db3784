import type { StatMetric, StatsResponse } from '@etw/client'
import { html } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { strings } from '../shared/i18n'
import { numberFormat } from './etw-stats.format'
import { baseStyles } from '../shared/styles'
import { statsStyles } from './etw-stats.styles'

const DURATION = 1200
const easeOut = (x: number) => 1 - (1 - x) ** 3

/**
 * Animated counters of eTwinning figures (teachers, schools, projects, …) for a country, an
 * organization or the whole programme. The numbers count up once when the widget scrolls into view,
 * and appear at once for visitors who prefer reduced motion.
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
 *
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
    _progress: { state: true },
  }

  /** ISO 3166-1 alpha-2 code of the country to show (`AZ`); programme-wide when empty. */
  country = ''

  /** Slug of the organization to show (`k-pnu`), instead of a country. */
  organization = ''

  /** Comma-separated metric keys, in display order (`teachers,schools,projects`); every metric when empty. */
  metrics = ''

  private _progress = 0
  #inView = false
  #observer?: IntersectionObserver
  #frame = 0

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
    if (
      typeof IntersectionObserver === 'undefined' ||
      matchMedia('(prefers-reduced-motion: reduce)').matches
    ) {
      this._progress = 1
      return
    }
    if (this._progress === 1) return
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      this.#observer?.disconnect()
      this.#inView = true
      this.requestUpdate()
    })
    this.#observer.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#observer?.disconnect()
    cancelAnimationFrame(this.#frame)
    // Counting up happens once; a widget moved in the DOM shows the final values.
    if (this.#frame) this._progress = 1
  }

  protected override updated() {
    if (!this.#inView || !this.data || this.#frame) return
    const start = performance.now()
    const tick = (now: number) => {
      // A frame's time can precede `start` (it is when the frame began): never count below 0, where
      // "-3,715" would be wider than the final value and move the figures around it.
      this._progress = Math.min(1, Math.max(0, (now - start) / DURATION))
      if (this._progress < 1) this.#frame = requestAnimationFrame(tick)
    }
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
          <dt part="label">${labels[metric.key] || metric.label || metric.key}</dt>
          <dd part="value">
            <span class="sr">${final}</span
            ><span class="num" aria-hidden="true"
              ><span class="ghost">${final}</span
              ><span class="cur"
                >${progress === 1 ? final : format(Math.round(metric.value * progress)) + plus}</span
              ></span
            >
          </dd>
        </div>`
      })}
    </dl>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-stats': EtwStats
  }
}
