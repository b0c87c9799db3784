import { createHash } from 'node:crypto'

/**
 * Entity tags. The tag is a hash of the uncompressed body; each content coding gets its own strong
 * tag (`"<hash>"`, `"<hash>-br"`, `"<hash>-gzip"`) because the bytes differ, and `If-None-Match`
 * matches any coding of the same body.
 */

/** Hash of a body, as the opaque part of its entity tags (27 base64url characters of SHA-256). */
export const bodyHash = (body: string | Uint8Array): string =>
  createHash('sha256').update(body).digest('base64url').slice(0, 27)

/** The strong entity tag of the body with hash `hash` in the content coding `encoding`. */
export const entityTag = (hash: string, encoding: 'br' | 'gzip' | 'identity'): string =>
  encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`

/**
 * Whether an `If-None-Match` header matches the body with hash `hash`: `*`, or a list of tags
 * (weak `W/` or strong) of which one is a tag of this body in any coding (weak comparison).
 */
export const ifNoneMatchMatches = (header: string | undefined, hash: string): boolean => {
  if (header === undefined) return false
  const value = header.trim()
  if (value === '*') return true
  const tags = value.match(/(?:W\/)?"[^"]*"/g) ?? []
  return tags.some((tag) => {
    const opaque = tag.replace(/^W\//, '').slice(1, -1)
    return opaque === hash || opaque === `${hash}-br` || opaque === `${hash}-gzip`
  })
}
