import type { EventItem, EventsResponse, EventsWhen } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { PropertyDeclarations } from '../shared/element'
import { safeUrl } from '../shared/items'
import { itemStyles } from '../shared/items.styles'
import type { FeedQuery } from '../shared/feed-element'
import { FeedListElement } from '../shared/feed-list'
import { hasIntlData, strings } from '../shared/i18n'
import { countryName, formatRange, t } from './etw-events.strings'
import { baseStyles } from '../shared/styles'
import { eventsStyles } from './etw-events.styles'

/**
 * eTwinning events: dates in the event's own time zone, place, kind and format, participating
 * countries, registration and "add to calendar" links.
 *
 * @tag etw-events
 * @summary Upcoming or past eTwinning events.
 *
 * @slot - Fallback shown until data arrives, and if it never does (also what search engines see).
 *
 * @csspart base - Wrapper of the rendered data.
 * @csspart list - The `<ul>` of events.
 * @csspart item - One event (`<li>`).
 * @csspart title - An event's heading (`<h3>`).
 * @csspart link - The link to the event's page inside the heading.
 * @csspart date - When it takes place (`<time>`), in the event's time zone.
 * @csspart place - Venue, city and country.
 * @csspart badge - The kind and the format of an event.
 * @csspart countries - Participating countries.
 * @csspart summary - An event's summary.
 * @csspart register - The registration link.
 * @csspart calendar - The "add to calendar" link (an `.ics` file).
 * @csspart empty - The text shown when there are no events.
 *
 * @cssprop --etw-background - Background the widget paints when it has a `theme` (default: the surface colour, `#fff` or `#1b2129`).
 * @cssprop --etw-color-text - Text colour.
 * @cssprop --etw-color-muted - Colour of dates and secondary text.
 * @cssprop --etw-color-accent - Colour of links.
 * @cssprop --etw-color-surface - Background of cards.
 * @cssprop --etw-color-border - Borders, separators and badges.
 * @cssprop --etw-font-family - Font; the page's font by default.
 * @cssprop --etw-gap - Space between items.
 * @cssprop --etw-radius - Corner radius of cards.
 * @cssprop --etw-card-min-width - Narrowest card in the `cards` layout (default `16rem`).
 *
 * @event etw-load - {EtwLoadEvent} Fresh data from the CMS has been rendered.
 * @event etw-error - {EtwErrorEvent} Data could not be loaded after retries; the fallback or the last good data stays.
 */
export class EtwEvents extends FeedListElement<EventsResponse> {
  static override styles = [baseStyles, itemStyles, eventsStyles]
  static override properties: PropertyDeclarations = {
    when: {},
  }

  /** Which events: `upcoming`, `past` or `all`. */
  when: EventsWhen = 'upcoming'

  protected feedQuery(): FeedQuery {
    return {
      kind: 'events',
      query: {
        when: this.when,
        ...this.listQuery,
      },
    }
  }

  protected renderItem(item: EventItem, locale: string) {
    // Without the locale's data in this browser, the CMS's formatting of it (Node has it all).
    const own = hasIntlData(locale) || !item.formatted
    const place = [
      item.venue,
      item.city,
      item.country ? (own ? countryName(locale, item.country) : item.countryName) : null,
    ].filter(Boolean)
    const countries = item.participatingCountries.length
      ? own
        ? new Intl.ListFormat(locale).format(
            item.participatingCountries.map((code) => countryName(locale, code)),
          )
        : item.formatted.participatingCountries
      : ''
    // Kinds and formats are named by the widget's strings, which cover every language.
    const label = strings(locale) ?? {}
    const register = safeUrl(item.registrationUrl, this.base)
    const ics = safeUrl(item.icsUrl, this.base)
    const page = safeUrl(item.link, this.base)
    return html`<li part="item">
      <h3 part="title" dir="auto" lang=${item.locale || nothing}>
        ${page ? html`<a part="link" href=${page}>${item.title}</a>` : item.title}
      </h3>
      <p class="meta">
        <time part="date" dir="auto" datetime=${item.start}
          >${
            own
              ? formatRange(locale, new Date(item.start), new Date(item.end), item.timeZone)
              : item.formatted.range
          }</time
        >
      </p>
      ${
        place.length
          ? // Venue, city and country each keep their own direction.
            html`<p part="place">
              ${place.map((name, i) => html`${i ? ', ' : ''}<span dir="auto">${name}</span>`)}
            </p>`
          : nothing
      }
      <p>
        <span part="badge" class="badge">${label[item.kind] || item.kindLabel || item.kind}</span
        ><span part="badge" class="badge"
          >${label[item.format] || item.formatLabel || item.format}</span
        >
      </p>
      ${
        item.summary
          ? html`<p part="summary" dir="auto" lang=${item.locale || nothing}>${item.summary}</p>`
          : nothing
      }
      ${
        countries
          ? html`<p part="countries" class="meta">${t(locale, 'participating')}: ${countries}</p>`
          : nothing
      }
      <p class="actions">
        ${register ? html`<a part="register" href=${register}>${t(locale, 'register')}</a>` : nothing}
        ${
          ics
            ? html`<a part="calendar" href=${ics} download type="text/calendar"
                >${t(locale, 'ics')}</a
              >`
            : nothing
        }
      </p>
    </li>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'etw-events': EtwEvents
  }
}
