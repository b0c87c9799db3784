/**
 * Reads a comma-separated list of web origins (`ETW_CORS_ORIGINS`): each entry is reduced to its
 * origin (`https://intranet.example.org`), duplicates are dropped, an empty or unset value is an empty
 * list. An entry that is not an absolute http(s) URL, or `*`, stops the start with a clear error:
 * credentials may only be shared with named origins.
 */
export const parseOrigins = (value: string | undefined, name = 'ETW_CORS_ORIGINS'): string[] => {
  const origins = new Set<string>()
  for (const entry of (value ?? '').split(',')) {
    const text = entry.trim()
    if (!text) continue
    let url: URL | undefined
    try {
      url = new URL(text)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`${name}: "${text}" is not an origin such as https://intranet.example.org`)
    }
    origins.add(url.origin)
  }
  return [...origins]
}

/**
 * The `cors` and `csrf` lists of the Payload config from `ETW_CORS_ORIGINS` (Payload adds
 * `serverURL` to the CSRF list itself). Extra origins without `ETW_SERVER_URL` would make Payload
 * refuse the admin's own cookie, so that combination stops the start with a clear error.
 */
export const adminOrigins = (
  env: Record<string, string | undefined>,
): { cors: string[]; csrf: string[] } => {
  const origins = parseOrigins(env.ETW_CORS_ORIGINS)
  if (origins.length > 0 && !env.ETW_SERVER_URL) {
    throw new Error(
      'ETW_CORS_ORIGINS needs ETW_SERVER_URL: the admin must be allowed its own origin too',
    )
  }
  // Two arrays: Payload appends serverURL to the CSRF list in place.
  return { cors: [...origins], csrf: [...origins] }
}
