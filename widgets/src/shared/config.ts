let defaultApiBase = ''

/** Origin the widgets read from when a tag has no `api-base`: where the script came from. */
export const setDefaultApiBase = (base: string) => {
  defaultApiBase = base
}

export const getDefaultApiBase = () => defaultApiBase || location.origin

/** The origin of a script URL, or `''` when there is none (inline script, `data:`). */
export const originOf = (url: string | null | undefined): string => {
  try {
    const origin = url ? new URL(url, document.baseURI).origin : ''
    return origin === 'null' ? '' : origin
  } catch {
    return ''
  }
}

/**
 * `url` resolved against `base` if it is http(s), else `undefined`: CMS data never becomes a
 * `javascript:` link or image.
 */
export const safeUrl = (url: string | null | undefined, base: string): string | undefined => {
  if (!url) return undefined
  try {
    const resolved = new URL(url, base)
    return resolved.protocol === 'https:' || resolved.protocol === 'http:'
      ? resolved.href
      : undefined
  } catch {
    return undefined
  }
}
