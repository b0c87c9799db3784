import { FeedError, createFeedReader } from '@etw/client'
import type { FeedReader } from '@etw/client'
import { html } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'
import type { PropertyDeclarations } from './element'
import { WidgetElement } from './element'
import { getDefaultApiBase } from './config'
import { EtwErrorEvent, EtwLoadEvent } from './events'
import { direction } from './direction'
import { canonicalLocale, loadStrings, strings } from './i18n'
import { forget, hint, load, recall } from './load'

/** The feed endpoint a widget reads and its query (without `locale`, which the widget adds). */
export interface FeedQuery {
  /** Path under the feed API: `stats`, `news`, `events`, `news/{slug}` (encoded). */
  kind: 'events' | 'news' | 'stats' | 'stats/compare' | 'stats/history' | `news/${string}`
  query: Record<string, number | string | string[] | undefined>
}

interface FeedRequest<T> {
  url: string
  fetch: () => Promise<T>
}

/**
 * What the three widgets share: the CMS origin, the locale, the theme, and loading one feed response
 * with a shared in-flight request, a `localStorage` copy shown at once, retries and a fallback.
 */
export abstract class FeedElement<T> extends WidgetElement {
  // `static properties` rather than decorators: the decorator runtime costs the self-hosted bundle
  // about half a kilobyte gzipped, and it must stay within its budget (as `WidgetElement` does
  // instead of Lit's `ReactiveElement`).
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    locale: { attribute: 'lang' },
    theme: { reflect: true },
  }

  /** Origin of the eTwinning Hub CMS. Defaults to the origin the widget script was loaded from. */
  apiBase = ''

  /**
   * Language of the widget and its data (`uk`, `en`, `az`, …). Defaults to the nearest ancestor's
   * `lang`, then the browser's language.
   */
  locale = ''

  /**
   * Colour scheme: `light` (when absent), `dark`, or `auto` to follow the visitor's system setting.
   * A widget with a theme paints its own background (`--etw-background`), so that it reads on any
   * page; without one it has none. Reflected, for the styles; never added to the tag when unset.
   */
  theme?: 'auto' | 'dark' | 'light'

  #stale?: T
  /** The URL the widget shows: its fresh data is being loaded or has been. */
  #url?: string
  #value?: T
  #abort?: AbortController
  #shown = false

  /** The locale the widget renders in. */
  protected get resolvedLocale(): string {
    return canonicalLocale(
      this.locale ||
        this.parentElement?.closest('[lang]')?.getAttribute('lang') ||
        navigator.language,
    )
  }

  /** The CMS origin in use. */
  protected get base(): string {
    return (this.apiBase || getDefaultApiBase()).replace(/\/+$/, '')
  }

  /** A feed reader for the CMS origin; revalidation is left to the browser's HTTP cache. */
  protected get client(): FeedReader {
    return createFeedReader({ baseUrl: this.base })
  }

  /**
   * `locale` for the feed API: the page's language as it is (`ar`, `pt-BR`). The feed answers in
   * the best content locale it has and marks each text with it; the UI strings stay in this one.
   */
  protected get apiLocale(): string {
    return this.resolvedLocale
  }

  /** The feed endpoint and query for the current attributes. */
  protected abstract feedQuery(): FeedQuery

  /** The widget's content once data is there. */
  protected abstract renderData(data: T, locale: string): TemplateResult

  #request(): FeedRequest<T> {
    const { kind, query } = this.feedQuery()
    const client = this.client
    const localized = { ...query, locale: this.apiLocale }
    // The shared request outlives any one widget, so it gets no widget's abort signal; the
    // client's timeout bounds it.
    const url = client.url(kind, localized)
    return { url, fetch: () => client.getJson<T>(url) }
  }

  /** Fresh data, else the last good copy from an earlier visit, else nothing. */
  protected get data(): T | undefined {
    return this.#value ?? this.#stale
  }

  /**
   * Starts loading when the attributes ask for another URL (the request of the previous one stops
   * counting); the last data stays on screen until the new data arrives.
   */
  protected override willUpdate() {
    if (!this.#shown && this.data !== undefined) {
      // The data replaces the fallback: a fallback taller than the reserved space keeps its height.
      this.#shown = true
      this.style.minBlockSize = getComputedStyle(this).blockSize
    }
    const request = this.#request()
    if (request.url === this.#url) return
    this.#url = request.url
    this.#stale = recall<T>(request.url)
    this.#abort?.abort()
    const abort = (this.#abort = new AbortController())
    // The page language's strings load alongside the data; nothing is shown before both are there.
    const ready = loadStrings(this.resolvedLocale)
    ready.then(() => this.requestUpdate())
    Promise.all([load(request.url, request.fetch, abort.signal), ready]).then(
      ([value]) => {
        this.#value = value
        this.requestUpdate()
        this.updateComplete.then(() => this.dispatchEvent(new EtwLoadEvent(request.url)))
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        // Gone from the CMS (unpublished, deleted): neither an earlier copy nor the last
        // item shown stays on screen; the fallback does.
        if (error instanceof FeedError && error.status === 404) {
          this.#value = this.#stale = undefined
          forget(request.url)
          this.requestUpdate()
        }
        this.#fail(error)
      },
    )
  }

  #fail(error: unknown) {
    const url = error instanceof FeedError ? error.url : (this.#url ?? '')
    hint(url, error)
    this.dispatchEvent(new EtwErrorEvent(error, url))
  }

  protected override render() {
    const data = this.data
    const locale = this.resolvedLocale
    if (data === undefined || !strings(locale)) return html`<slot></slot>`
    try {
      // The widget's own direction, whichever the page's: an Arabic widget on an English page
      // reads right to left, an English one on an Arabic page left to right.
      return html`<div part="base" lang=${locale} dir=${direction(locale)}>
        ${this.renderData(data, locale)}
      </div>`
    } catch (error) {
      // Data of an unexpected shape: keep the host page intact and show the fallback.
      this.#fail(error)
      return html`<slot></slot>`
    }
  }
}
