import { createHash } from 'node:crypto'

import { errors, jwtVerify, SignJWT } from 'jose'

/** What a preview token grants: one document's latest draft, in one locale. */
export interface PreviewClaims {
  collection: string
  id: string
  locale: string
  /** The user the token was made for. */
  user: string
}

/** Longest life of a preview token, in seconds. */
export const PREVIEW_TOKEN_TTL = 15 * 60

/**
 * Tokens are made for windows of this many seconds, so the admin, which asks for the preview URL on
 * every autosave, keeps one URL (and one loaded preview) for a while.
 */
const WINDOW = 5 * 60

const AUDIENCE = 'etw-preview'

// A key of its own, derived from Payload's secret, so a preview token is never a valid login token.
const keyOf = (secret: string) => createHash('sha256').update(`etw-preview:${secret}`).digest()

/**
 * A signed (HS256) token that lets its bearer read one draft for at most
 * {@link PREVIEW_TOKEN_TTL} seconds; the expiry is rounded to a window so repeated calls agree.
 */
export const signPreviewToken = async (
  secret: string,
  claims: PreviewClaims,
  now: Date = new Date(),
): Promise<string> => {
  const seconds = Math.floor(now.getTime() / 1000)
  const expires = Math.floor(seconds / WINDOW) * WINDOW + PREVIEW_TOKEN_TTL
  return new SignJWT({ c: claims.collection, i: claims.id, l: claims.locale })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setSubject(claims.user)
    .setIssuedAt(expires - PREVIEW_TOKEN_TTL)
    .setExpirationTime(expires)
    .sign(keyOf(secret))
}

/**
 * What a preview token says: its claims when it is valid and unexpired; `expired` for an authentic
 * token past its expiry (the admin gives a new one when the preview is opened again); `invalid`
 * for anything else (forged, altered, malformed).
 */
export const readPreviewToken = async (
  secret: string,
  token: string,
  now: Date = new Date(),
): Promise<{ claims: PreviewClaims } | { error: 'expired' | 'invalid' }> => {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      currentDate: now,
    })
    const { c, i, l, sub } = payload as Record<string, unknown>
    if (typeof c !== 'string' || typeof i !== 'string' || typeof l !== 'string') {
      return { error: 'invalid' }
    }
    if (typeof sub !== 'string') return { error: 'invalid' }
    return { claims: { collection: c, id: i, locale: l, user: sub } }
  } catch (thrown) {
    // jose checks the signature before the dates: an expired token is an authentic one.
    return { error: thrown instanceof errors.JWTExpired ? 'expired' : 'invalid' }
  }
}

/** The claims of a valid, unexpired preview token; `null` for anything else. */
export const verifyPreviewToken = async (
  secret: string,
  token: string,
  now: Date = new Date(),
): Promise<PreviewClaims | null> => {
  const read = await readPreviewToken(secret, token, now)
  return 'claims' in read ? read.claims : null
}
