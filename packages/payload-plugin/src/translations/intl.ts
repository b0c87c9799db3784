/** Payload's admin language keys that are not the BCP 47 tag of their language. */
const INTL_LOCALES: Readonly<Record<string, string>> = { rs: 'sr-Cyrl', 'rs-latin': 'sr-Latn' }

/** The BCP 47 tag `Intl` needs for one of Payload's admin languages (`rs-latin` → `sr-Latn`). */
export const intlLocaleOf = (language: string): string => INTL_LOCALES[language] ?? language
