import type { Tag } from './mount'

/**
 * Space each widget takes once its data is there, reserved from the host page's first paint so that
 * nothing moves when the data arrives: `limit` list items of a fixed height; one row of counters,
 * whose numbers scale with the widget's width — a zero-width float (`::before`) as tall, inside a
 * box that contains it. The widgets' own styles keep to these heights (one-line labels, clamped texts,
 * 16:9 thumbnails; a line more for the counters' change, and one for their date and source); a
 * widget with a `theme`, which paints its own background, is padded. A fallback taller than that
 * keeps its height too ({@link FeedElement}).
 * `--etw-n` holds the count the loader read from the attributes.
 */
const SHEET = `:where(etw-stats,etw-news-feed,etw-events,etw-stats-chart,[data-etw]):not([hidden]){display:flow-root}
:where(etw-stats,etw-news-feed,etw-events,etw-article,etw-stats-chart)[theme]{padding:var(--etw-gap,1rem)}
:where(etw-stats-chart,[data-etw=stats-chart]){min-block-size:var(--etw-chart-height,16rem)}
:where(etw-stats,[data-etw=stats]){container-type:inline-size}
:where(etw-stats,[data-etw=stats])::before{content:"";float:left;block-size:calc(1.15*min(var(--etw-number-size,2.25em),100cqi/var(--etw-n)/6.5) + 1lh + var(--_sc,0px) + var(--_sd,0px))}
[show-change],[data-show-change]{--_sc:1lh}
[show-date],[show-source],[data-show-date],[data-show-source]{--_sd:1lh}
:where(etw-news-feed,[data-etw=news-feed]){--_h:6lh}
:where(etw-events,[data-etw=events]){--_h:11lh}
:where(etw-news-feed,etw-events,[data-etw=news-feed],[data-etw=events]):not([layout=cards],[data-layout=cards]){min-block-size:calc(var(--etw-n)*var(--_h) + (var(--etw-n) - 1)*(2*var(--etw-gap,1rem) + 1px))}`

let adopted = false

/**
 * Reserves the space of `element` — a widget tag or a `data-etw` mount — and adds the rules that do
 * it to the document the first time.
 */
export const reserve = (element: Element, tag: Tag) => {
  if (!adopted) {
    adopted = true
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(SHEET)
    // Constructed sheets are not inline styles: a strict `style-src` lets them through.
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets]
  }
  const value = (name: string) =>
    element.getAttribute(name) ?? element.getAttribute(`data-${name}`) ?? ''
  const n =
    tag === 'etw-stats'
      ? value('metrics').split(',').filter(Boolean).length || 3
      : Math.floor(Number(value('limit'))) || 5
  ;(element as HTMLElement).style.setProperty('--etw-n', String(Math.max(1, n)))
}
