import { readBodyWithin } from '@etw/payload-plugin'

/** A Next route handler of Payload's REST API (`REST_GET(config)` and the like). */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

/** Limits applied to REST requests before Payload reads them. */
export interface RequestLimits {
  /**
   * Largest request body, in bytes, that is not a multipart upload (uploads keep the
   * `upload.limits.fileSize` of the Payload config).
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number
}

/** Default largest JSON (non-multipart) request body: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const BODY_METHODS = new Set(['PATCH', 'POST', 'PUT'])

/** The query parameters Payload reads with `JSON.parse` when they are given as one string. */
const JSON_QUERY_PARAMS = ['where', 'data'] as const

const errorResponse = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status })

const isJsonText = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A `where` or `data` query parameter given as a JSON string that does not parse. */
const malformedJsonParam = (url: URL): string | undefined =>
  JSON_QUERY_PARAMS.find((name) => {
    const value = url.searchParams.get(name)
    return value !== null && value.length > 0 && !isJsonText(value)
  })

/**
 * Wraps a Payload REST route handler so that malformed and oversize input is answered before
 * Payload parses it:
 *
 * - a body that is not a multipart upload and is larger than `maxBodyBytes` → 413, judged from
 *   `Content-Length` first and then from the bytes actually streamed;
 * - a JSON body (`Content-Type: application/json`) that does not parse → 400;
 * - a `where` or `data` query parameter given as a JSON string that does not parse → 400.
 *
 * Every refusal is Payload's error shape, `{ "errors": [{ "message": … }] }`. Other requests reach
 * the handler unchanged (the body is buffered and handed on as the same bytes).
 */
export const withRequestLimits = (
  handler: RouteHandler,
  { maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: RequestLimits = {},
): RouteHandler => {
  return async (request, context) => {
    const badParam = malformedJsonParam(new URL(request.url))
    if (badParam) return errorResponse(400, `The ${badParam} parameter is not valid JSON.`)

    if (!BODY_METHODS.has(request.method.toUpperCase()) || request.body === null) {
      return handler(request, context)
    }
    const contentType = (request.headers.get('Content-Type') ?? '').split(';', 1)[0]!.trim()
    // Uploads are streamed by Payload's multipart parser, which enforces the upload size limit.
    if (contentType.toLowerCase().startsWith('multipart/')) return handler(request, context)

    const bytes = await readBodyWithin(request, maxBodyBytes)
    if (!bytes) return errorResponse(413, `The request body is larger than ${maxBodyBytes} bytes.`)

    if (contentType.toLowerCase() === 'application/json' && bytes.byteLength > 0) {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
      if (!isJsonText(text)) return errorResponse(400, 'The request body is not valid JSON.')
    }
    const headers = new Headers(request.headers)
    headers.set('Content-Length', String(bytes.byteLength))
    const buffered = new Request(request.url, {
      method: request.method,
      headers,
      body: bytes,
      signal: request.signal,
    })
    return handler(buffered, context)
  }
}
