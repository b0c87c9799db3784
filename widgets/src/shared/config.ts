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
