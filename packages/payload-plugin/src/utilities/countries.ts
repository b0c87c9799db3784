import countries from 'i18n-iso-countries'

import { intlLocaleOf } from '../translations/intl'

/** Every ISO 3166-1 alpha-2 code known to `i18n-iso-countries`, sorted, e.g. `'AZ'`, `'UA'`. */
export const COUNTRY_CODES: readonly string[] = Object.freeze(
  Object.keys(countries.getAlpha2Codes()).sort(),
)

const codeSet = new Set(COUNTRY_CODES)

/** Whether `value` is an ISO 3166-1 alpha-2 code (upper case, as stored). */
export const isCountryCode = (value: unknown): value is string =>
  typeof value === 'string' && codeSet.has(value)

const displayNames = new Map<string, Intl.DisplayNames>()

/** The country's name in `language` (a BCP 47 tag or one of Payload's admin languages), from ICU (`Intl.DisplayNames`), not from a table. */
export const countryName = (code: string, language = 'en'): string => {
  let names = displayNames.get(language)
  if (!names) {
    try {
      names = new Intl.DisplayNames([intlLocaleOf(language), 'en'], {
        type: 'region',
        fallback: 'code',
      })
    } catch {
      // Not a BCP 47 tag at all: English.
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
    }
    displayNames.set(language, names)
  }
  return names.of(code) ?? code
}

/** A country option's label: the country's name in the admin's language. */
type CountryLabel = (args: { i18n: { language: string } }) => string

/** Select options for every country, sorted by English name, labelled in the admin's language. */
export const countryOptions = (): { label: CountryLabel; value: string }[] =>
  COUNTRY_CODES.map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map(({ code }) => ({ label: ({ i18n }) => countryName(code, i18n.language), value: code }))
