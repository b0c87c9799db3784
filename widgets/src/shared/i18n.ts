/** Languages the widgets have built-in strings for (and ask the feed API in). */
export const LANGUAGES = ['en', 'uk', 'az']

/** Primary language subtag, lower case: `uk-UA` → `uk`. */
export const language = (locale: string) => locale.split('-')[0]!.toLowerCase()

/**
 * A lookup of built-in strings: `table` has one '|'-separated list per language, in `keys` order
 * (one string per language keeps each widget's chunk small). A missing or empty entry falls back to
 * English, an unknown key to the key itself.
 */
export const translator =
  <K extends string>(keys: readonly K[], table: Record<string, string>) =>
  (locale: string, key: K | (string & {})): string => {
    const index = keys.indexOf(key as K)
    return (
      (index < 0
        ? ''
        : table[language(locale)]?.split('|')[index] || table.en!.split('|')[index]) || key
    )
  }

/** A valid BCP 47 tag for `Intl`, or `en`. */
export const canonicalLocale = (tag: string | null | undefined): string => {
  try {
    return (tag && Intl.getCanonicalLocales(tag)[0]) || 'en'
  } catch {
    return 'en'
  }
}
