/**
 * Whether `value` is an absolute `http:` or `https:` URL with a host. Refuses `javascript:`, `data:`,
 * `ftp:`, protocol-relative (`//host`) and relative links, and URLs with embedded credentials.
 */
export const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || value !== value.trim() || /\s/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname.length > 0 &&
    url.username === '' &&
    url.password === '' &&
    /^https?:\/\//i.test(value)
  )
}

/**
 * Whether `value` is a `mailto:` link with at least one address and nothing a browser would strip or
 * reinterpret (whitespace, control characters).
 */
export const isMailtoUrl = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^mailto:[^\s?#@]+@[^\s?#@]+(\?[^\s#]*)?$/i.test(value) &&
  // eslint-disable-next-line no-control-regex
  !/[\u0000-\u001f\u007f]/.test(value)

/** Whether `value` may be the target of a link in stored content: see {@link isHttpUrl}, {@link isMailtoUrl}. */
export const isSafeLinkUrl = (value: unknown): value is string =>
  isHttpUrl(value) || isMailtoUrl(value)
