import type { StatsCompareResponse, StatsHistoryResponse } from '@etw/client'
import { html, svg } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import type { FeedQuery } from '../shared/feed-element'
import { FeedElement } from '../shared/feed-element'
import { baseStyles } from '../shared/styles'
import { dayTime, linear, niceTicks, spread } from './etw-stats-chart.scale'
import { countryName, fill, formatDay, formatValue, t } from './etw-stats-chart.strings'
import { chartStyles } from './etw-stats-chart.styles'

type ChartData = StatsCompareResponse | StatsHistoryResponse

/** One bar or point: where it is drawn, its name and its value as people read them. */
interface Mark {
  name: string
  value: number
  text: string
  /** The point, or the middle of the bar's far end. */
  x: number
  y: number
  /** Where a bar starts: its left end (horizontal bars) or its foot (vertical bars). */
  base: number
  /** How thick a bar is. */
  size: number
}

/** Text that keeps its own direction inside right-to-left text ("160,000+" stays so). */
const isolate = (text: string) => `\u2068${text}\u2069`

/**
 * A chart of eTwinning figures: the history of one metric for a country, an organization or the
 * whole programme (a line or bars), or, with `compare`, the latest value in several countries as
 * horizontal bars, highest first. Drawn as SVG; a screen reader gets its title, a summary and a
 * table of every value, and each point or bar can be reached with the keyboard.
 *
 * @tag etw-stats-chart
 * @summary A history or comparison chart of eTwinning figures.
 *
 * @slot - Fallback shown until data arrives, and if it never does (also what search engines see).
 *
 * @csspart base - Wrapper of the rendered data.
 * @csspart chart - The `<svg>`.
 * @csspart mark - One point or bar that takes the keyboard focus.
 * @csspart table - The table of every value, visually hidden (what screen readers browse).
 *
 * @cssprop --etw-color-text - Text colour.
 * @cssprop --etw-color-muted - Colour of axis labels.
 * @cssprop --etw-color-accent - Colour of the line and bars.
 * @cssprop --etw-color-border - Colour of grid lines.
 * @cssprop --etw-font-family - Font; the page's font by default.
 * @cssprop --etw-chart-height - Height of the chart (default `16rem`).
 *
 * @event etw-load - {EtwLoadEvent} Fresh data from the CMS has been rendered.
 * @event etw-error - {EtwErrorEvent} Data could not be loaded after retries; the fallback or the last good data stays.
 */
export class EtwStatsChart extends FeedElement<ChartData> {
  static override styles = [baseStyles, chartStyles]
  static override properties: PropertyDeclarations = {
    metric: {},
    country: {},
    organization: {},
    type: {},
    compare: {},
  }

  /** Metric key to chart (`teachers`, `schools`, `projects`, … or a custom key). */
  metric = 'teachers'

  /** ISO 3166-1 alpha-2 code of the country whose history is shown (`AZ`); programme-wide when empty. */
  country = ''

  /** Slug of the organization whose history is shown (`k-pnu`), instead of a country. */
  organization = ''

  /** How a history is drawn: `line` (when absent) or `bars`. */
  type: 'bars' | 'line' = 'line'

  /** Comma-separated country codes (`AZ,UA,GE`): the latest value in each, as sorted horizontal bars. */
  compare = ''

  #resize?: ResizeObserver

  /**
   * The chart's `<title>`, rendered as a node: a binding inside a `<title>` in a template would keep
   * lit-html's code for bindings in raw-text elements in the shared chunk (`build/trim-lit.ts`),
   * which every page downloads, for this one text.
   */
  #title = Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'title'), {
    id: 'title',
  })

  get #countries() {
    return this.compare
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean)
  }

  protected feedQuery(): FeedQuery {
    const countries = this.#countries
    return countries.length
      ? { kind: 'stats/compare', query: { metric: this.metric, countries } }
      : {
          kind: 'stats/history',
          query: {
            metric: this.metric,
            country: this.country.toUpperCase() || undefined,
            organization: this.organization || undefined,
          },
        }
  }

  override connectedCallback() {
    super.connectedCallback()
    // Drawn in the widget's own pixels, so that text keeps its size at any width.
    this.#resize ??= new ResizeObserver(() => this.requestUpdate())
    this.#resize.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#resize?.disconnect()
  }

  protected renderData(data: ChartData, locale: string) {
    const style = getComputedStyle(this)
    const w = Math.max(200, this.clientWidth || 600)
    const h = Math.max(120, this.clientHeight || 256)
    const font = parseFloat(style.fontSize) * 0.8125 || 13
    // Mirrored for right-to-left pages; text anchors follow the direction by themselves.
    const X = (x: number) => (style.direction === 'rtl' ? w - x : x)
    const chars = (texts: string[]) => Math.max(0, ...texts.map((text) => text.length)) * font * 0.6
    const compare = 'countries' in data
    const bars = compare || this.type === 'bars'
    const items = compare
      ? [...data.countries]
          .sort((a, b) => b.value - a.value)
          .map((item) => ({ ...item, name: countryName(locale, item.country) }))
      : data.points.map((point) => ({ ...point, name: formatDay(locale, point.asOf) }))
    const scope = compare
      ? ''
      : data.scope.kind === 'country'
        ? countryName(locale, data.scope.country)
        : data.scope.kind === 'organization'
          ? data.scope.organization
          : ''
    const title = data.metric.label + (scope ? ` · ${scope}` : '')
    this.#title.textContent = title
    const texts = items.map((item) => formatValue(locale, item.value, item.approximate))
    const first = items[0]
    const last = items.at(-1)
    const summary =
      first && last
        ? fill(t(locale, compare ? 'chartCompare' : 'chartHistory'), {
            a: texts[0]!,
            b: texts.at(-1)!,
            c: first.name,
            e: last.name,
          })
        : t(locale, 'chartEmpty')

    let grid = svg``
    let marks: Mark[] = []
    if (compare) {
      const left = Math.min(w * 0.4, chars(items.map((item) => item.name)) + 8)
      const right = w - chars(texts) - 8
      const row = h / Math.max(1, items.length)
      const x = linear(0, Math.max(...items.map((item) => item.value), 1), left, right)
      marks = items.map((item, i) => ({
        name: item.name,
        value: item.value,
        text: texts[i]!,
        x: x(item.value),
        y: row * i + row / 2,
        base: left,
        size: Math.min(row * 0.7, font * 2.2),
      }))
      grid = svg`${marks.map((mark) => svg`<text class="label" x=${X(mark.base - 6)} y=${mark.y} text-anchor="end">${mark.name}</text>`)}`
    } else if (items.length) {
      const values = items.map((item) => item.value)
      const ticks = niceTicks(bars ? 0 : Math.min(...values), Math.max(...values))
      const labels = ticks.map((tick) => formatValue(locale, tick))
      const left = chars(labels) + 10
      const right = w - font * 3
      const bottom = h - font * 2
      const y = linear(ticks[0]!, ticks.at(-1)!, bottom, font)
      const band = (right - left) / items.length
      const times = items.map((item) => dayTime(item.asOf))
      const time = linear(times[0]!, times.at(-1)!, left + font, right)
      marks = items.map((item, i) => ({
        name: item.name,
        value: item.value,
        text: texts[i]!,
        x: bars ? left + band * (i + 0.5) : time(times[i]!),
        y: y(item.value),
        base: bottom,
        size: Math.min(band * 0.6, font * 3),
      }))
      const shown = spread(items.length, Math.max(2, Math.floor((right - left) / (font * 6))))
      grid = svg`${ticks.map(
        (tick, i) =>
          svg`<line class="grid" x1=${X(left)} x2=${X(right)} y1=${y(tick)} y2=${y(tick)}></line><text class="label" x=${X(left - 6)} y=${y(tick)} text-anchor="end">${isolate(labels[i]!)}</text>`,
      )}${shown.map(
        (i) =>
          svg`<text class="label" x=${X(marks[i]!.x)} y=${bottom + font} text-anchor="middle">${formatDay(locale, items[i]!.asOf, true)}</text>`,
      )}`
    }

    const drawing = compare
      ? marks.map(
          (mark) =>
            svg`<rect class="bar h" x=${Math.min(X(mark.base), X(mark.x))} y=${mark.y - mark.size / 2} width=${mark.x - mark.base} height=${mark.size}></rect><text class="label value" x=${X(mark.x + 4)} y=${mark.y}>${isolate(mark.text)}</text>`,
        )
      : bars
        ? marks.map(
            (mark) =>
              svg`<rect class="bar v" x=${X(mark.x) - mark.size / 2} y=${mark.y} width=${mark.size} height=${mark.base - mark.y}></rect>`,
          )
        : svg`<path class="line" pathLength="1" d=${'M' + marks.map((mark) => `${X(mark.x)},${mark.y}`).join('L')}></path>`

    return html`<svg
        part="chart"
        role="group"
        aria-labelledby="title"
        width=${w}
        height=${h}
        viewBox=${`0 0 ${w} ${h}`}
      >
        ${this.#title}
        <desc id="desc">${summary}</desc>
        <g role="img" aria-labelledby="title" aria-describedby="desc">${grid}${drawing}</g>
        <g>
          ${marks.map(
            (mark) =>
              svg`<g part="mark" class="mark" tabindex="0" role="img" aria-label=${`${mark.name}: ${mark.text}`}>${
                compare
                  ? svg`<rect class="hit" x="0" y=${mark.y - mark.size / 2 - 2} width=${w} height=${mark.size + 4}></rect>`
                  : bars
                    ? svg`<rect class="hit" x=${X(mark.x) - mark.size / 2 - 2} y=${mark.y - 2} width=${mark.size + 4} height=${mark.base - mark.y + 4}></rect>`
                    : svg`<circle class="dot" cx=${X(mark.x)} cy=${mark.y} r="4"></circle>`
              }${
                compare
                  ? ''
                  : svg`<text class="tip" x=${X(Math.min(Math.max(mark.x, font * 3), w - font * 3))} y=${Math.max(mark.y - 10, font)} text-anchor="middle">${isolate(mark.text)}</text>`
              }</g>`,
          )}
        </g>
      </svg>
      <div class="sr">
        <table part="table">
          <caption>
            ${title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t(locale, compare ? 'chartCountry' : 'chartDate')}</th>
              <th scope="col">${t(locale, 'chartValue')}</th>
            </tr>
          </thead>
          <tbody>
            ${marks.map(
              (mark) =>
                html`<tr>
                  <th scope="row">${mark.name}</th>
                  <td><bdi>${mark.text}</bdi></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-stats-chart': EtwStatsChart
  }
}
