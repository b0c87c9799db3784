import type { PayloadRequest } from 'payload'

/**
 * The framework-agnostic surface of the public feed: any server (Payload's endpoints inside Next, a
 * bare `node:http` server) turns its request into a {@link FeedRequest} and writes the
 * {@link FeedResponse} back as it is, so every server answers the same bytes and headers.
 */

/** One HTTP request to the feed. */
export interface FeedRequest {
  /** HTTP method, any case (`'GET'`, `'head'`). */
  method: string
  /** Path and query as received, e.g. `'/api/etw/v1/news?limit=5'`. */
  url: string
  /** Request headers: a web `Headers` or Node's `IncomingHttpHeaders`. */
  headers: Headers | Record<string, string | string[] | undefined>
}

/** The answer to a {@link FeedRequest}, ready to be written. */
export interface FeedResponse {
  status: number
  /** Response headers, lower-case names. */
  headers: Record<string, string>
  /** The body, already content-encoded as `content-encoding` says; empty for HEAD, 204 and 304. */
  body: Uint8Array | string
}

/** A change of content that the feed may show, seen by the instance that made it. */
export interface FeedChange {
  /** Slug of the collection (or global) that changed. */
  collection: string
  /** The request of the change: its transaction, when it has one, is still open. */
  req: PayloadRequest
}

/**
 * Called on every {@link FeedChange} after this instance's cache is cleared, inside the change's
 * transaction: with several instances, the place to tell the others (a PostgreSQL `NOTIFY` sent
 * here is delivered when the transaction commits).
 */
export type FeedChangeListener = (change: FeedChange) => Promise<void> | void

/** The public feed of one Payload instance. */
export interface Feed {
  /**
   * Answers a feed request; `null` when the path is not a feed path (the caller passes it on).
   * Never rejects for bad input: malformed requests get 4xx answers.
   */
  handle(request: FeedRequest): Promise<FeedResponse | null>
  /** Drops every cached response; the next request of each kind reads the database. */
  invalidate(): void
  /**
   * Clears the cache for `change` and runs the listeners added with {@link Feed.onChange} one after
   * the other; a listener that fails is logged and does not fail the change.
   */
  changed(change: FeedChange): Promise<void>
  /** Adds a listener of changes; returns the function that removes it. */
  onChange(listener: FeedChangeListener): () => void
}
