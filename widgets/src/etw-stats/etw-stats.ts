import type { StatMetric, StatsResponse } from '@etw/client'
import { html } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { formatNumber } from './etw-stats.format'
import { formatChange, formatDay, t } from './etw-stats.strings'
import { safeUrl } from '../shared/items'
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
 * @csspart change - The difference to the previous snapshot (`show-change`).
 * @csspart note - The line under the counters with their date and source (`show-date`, `show-source`).
 * @csspart source - The source's name, a link when it has a web address.
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
      this._progress = Math.min(1, (now - start) / DURATION)
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
    const change = this.showChange
    return html`<dl part="list">
        ${metrics.map((metric) => {
          const final = formatNumber(locale, metric.value, metric.approximate)
          const previous = metric.previous
          // "160,000+" stays one run of text, whatever the direction around it.
          return html`<div part="item" class="item">
            <dt part="label">${metric.label || metric.key}</dt>
            <dd part="value">
              <bdi class="sr">${final}</bdi
              ><span class="num" aria-hidden="true"
                ><bdi class="ghost">${final}</bdi
                ><bdi class="cur"
                  >${
                    progress === 1
                      ? final
                      : formatNumber(
                          locale,
                          Math.round(metric.value * progress),
                          metric.approximate,
                        )
                  }</bdi
                ></span
              >
            </dd>
            ${
              change
                ? html`<dd part="change" class="line">
                    ${
                      previous
                        ? t(locale, 'since')
                            .replace('{n}', formatChange(locale, metric.value - previous.value))
                            .replace('{d}', formatDay(locale, previous.asOf))
                        : ''
                    }
                  </dd>`
                : ''
            }
          </div>`
        })}
      </dl>
      ${this.#note(metrics, locale)}`
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
          return [url ? html`<a part="source" href=${url}>${name}</a>` : name]
        })
    const parts = [
      this.showDate &&
        t(locale, 'asOf').replace(
          '{d}',
          [...new Set(metrics.map((metric) => formatDay(locale, metric.asOf)))].join(', '),
        ),
      sources.length && html`${t(locale, 'source')}: ${sources.map((s, i) => [i ? ', ' : '', s])}`,
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
