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
