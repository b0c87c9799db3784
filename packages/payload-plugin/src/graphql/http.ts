import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

import { negotiateEncoding } from '../feed/compression'
import { bodyHash, entityTag, ifNoneMatchMatches } from '../feed/etag'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Bodies shorter than this are sent uncompressed: compression would not pay. */
export const MIN_COMPRESSED_BYTES = 256

/** A cacheable answer, ready to be written. */
export interface CacheableAnswer {
  status: 200 | 304
  /** `cache-control`, `etag`, and for 200 `content-encoding` when compressed; lower-case names. */
  headers: Record<string, string>
  /** The body in the negotiated coding; `null` for 304. */
  body: Uint8Array | null
}

/**
 * A cacheable answer for `body`, as the feed answers: strong entity tags from a hash of the
 * uncompressed body, one per content coding (`"<hash>"`, `"<hash>-br"`, `"<hash>-gzip"`), 304 when
 * `If-None-Match` names any coding of the same body, and brotli or gzip as `Accept-Encoding` asks
 * (for bodies of at least {@link MIN_COMPRESSED_BYTES} bytes).
 */
export const cacheableAnswer = async (
  body: string,
  request: { acceptEncoding: string | undefined; ifNoneMatch: string | undefined },
  cacheControl: string,
): Promise<CacheableAnswer> => {
  const bytes = Buffer.from(body)
  const hash = bodyHash(bytes)
  const negotiated = negotiateEncoding(request.acceptEncoding)
  const coding = bytes.byteLength >= MIN_COMPRESSED_BYTES ? negotiated : 'identity'
  const headers: Record<string, string> = {
    'cache-control': cacheControl,
    etag: entityTag(hash, coding),
  }
  if (ifNoneMatchMatches(request.ifNoneMatch, hash)) return { status: 304, headers, body: null }
  if (coding === 'identity') return { status: 200, headers, body: bytes }
  const encoded =
    coding === 'br'
      ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : await gzipAsync(bytes, { level: 6 })
  headers['content-encoding'] = coding
  return { status: 200, headers, body: encoded }
}
