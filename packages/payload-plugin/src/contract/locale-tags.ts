/**
 * What the feed takes as `locale` and which content locale it serves for it. No imports, so the
 * widgets' test server answers as the feed does from the same rules.
 */

/** The longest `locale` taken: room for a language, script, region and a variant or two. */
export const MAX_LOCALE_LENGTH = 35

/**
 * A BCP 47 language tag's shape: a language of 2 to 8 letters, then subtags of 1 to 8 letters or
 * digits, hyphen-separated.
 */
export const LOCALE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/

/**
 * The content locale served for a requested language tag: the configured locale equal to it (in
 * any case), else the one equal to its language (`pt-BR` → `pt`), else `defaultLocale`.
 */
export const bestContentLocale = (
  tag: string,
  locales: readonly string[],
  defaultLocale: string,
): string => {
  const wanted = tag.toLowerCase()
  const language = wanted.split('-', 1)[0]
  return (
    locales.find((locale) => locale.toLowerCase() === wanted) ??
    locales.find((locale) => locale.toLowerCase() === language) ??
    defaultLocale
  )
}
