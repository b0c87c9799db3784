import type { Payload } from 'payload'

import type { IdType } from './params'

/** What a route needs besides its parameters. */
export interface RouteContext {
  payload: Payload
  /** Payload's API route, e.g. `/api`. */
  apiRoute: string
  /** Content locales of the config, and the default one. */
  locales: readonly string[]
  defaultLocale: string
  /** Largest `limit` allowed. */
  maxLimit: number
  idType: IdType
  /** Origin of absolute links, `''` when unknown (links stay relative). */
  origin: string
  /** Path of the request (for self links). */
  pathname: string
  /**
   * Reads shared by everything one request produces, by key (the settings global): a page that
   * shows the site's name and makes links reads the global once. Absent: nothing is shared.
   */
  reads?: Map<string, Promise<unknown>>
}

/**
 * `read()` once per request for `key`: the promise kept in `context.reads`, or a fresh read when the
 * context shares nothing.
 */
export const sharedRead = <T>(
  context: Pick<RouteContext, 'reads'>,
  key: string,
  read: () => Promise<T>,
): Promise<T> => {
  const { reads } = context
  if (!reads) return read()
  let promise = reads.get(key) as Promise<T> | undefined
  if (!promise) {
    promise = read()
    reads.set(key, promise)
  }
  return promise
}

/** A rendered body. */
export interface RouteBody {
  body: string
  contentType: string
}

/** Parameters as a route normalized them: what the cache key is made of. */
export type NormalizedParams = Record<string, number | string | readonly string[] | undefined>

/** One feed route: its parameters, how they are read and how its body is made. */
export interface RouteHandler<P> {
  /** Names of the query parameters the route takes. */
  parameters: readonly string[]
  /** Validates and normalizes the query; throws a 400 `FeedError` naming the faulty parameter. */
  parse(query: ReadonlyMap<string, string>, context: RouteContext): P
  /** The parameters with defaults applied, for the cache key. */
  normalize(params: P): NormalizedParams
  /** Reads the database and renders the body. */
  produce(params: P, context: RouteContext): Promise<RouteBody>
}

/** Content type of the JSON routes. */
export const JSON_TYPE = 'application/json; charset=utf-8'

/** Minimal JSON. */
export const jsonBody = (value: unknown): RouteBody => ({
  body: JSON.stringify(value),
  contentType: JSON_TYPE,
})
