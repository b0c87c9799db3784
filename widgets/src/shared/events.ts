/**
 * Fired on a widget when its data could not be loaded after every retry. The widget keeps showing
 * its last good data or the fallback content written inside its tag.
 */
export class EtwErrorEvent extends Event {
  /** The failure: a `FeedError` from `@etw/client` (with `status` and `url`) or another error. */
  readonly error: unknown
  /** Request URL that failed. */
  readonly url: string

  constructor(error: unknown, url: string) {
    super('etw-error', { bubbles: true, composed: true })
    this.error = error
    this.url = url
  }
}

/** Fired on a widget when fresh data from the feed API has been rendered. */
export class EtwLoadEvent extends Event {
  /** Request URL the data came from. */
  readonly url: string

  constructor(url: string) {
    super('etw-load', { bubbles: true, composed: true })
    this.url = url
  }
}

declare global {
  interface HTMLElementEventMap {
    'etw-error': EtwErrorEvent
    'etw-load': EtwLoadEvent
  }
}
