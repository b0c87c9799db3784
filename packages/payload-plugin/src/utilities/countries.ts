import countries from 'i18n-iso-countries'

import type { Localized } from './labels'

/** Every ISO 3166-1 alpha-2 code known to `i18n-iso-countries`, sorted, e.g. `'AZ'`, `'UA'`. */
export const COUNTRY_CODES: readonly string[] = Object.freeze(
  Object.keys(countries.getAlpha2Codes()).sort(),
)

const codeSet = new Set(COUNTRY_CODES)

/** Whether `value` is an ISO 3166-1 alpha-2 code (upper case, as stored). */
export const isCountryCode = (value: unknown): value is string =>
  typeof value === 'string' && codeSet.has(value)

const names = {
  az: new Intl.DisplayNames(['az'], { type: 'region', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
  uk: new Intl.DisplayNames(['uk'], { type: 'region', fallback: 'code' }),
}

/** The country's name in each admin language, from ICU (`Intl.DisplayNames`), not from a table. */
export const countryName = (code: string): Localized => ({
  az: names.az.of(code) ?? code,
  en: names.en.of(code) ?? code,
  uk: names.uk.of(code) ?? code,
})

/** Select options for every country, sorted by English name, labelled in every admin language. */
export const countryOptions = (): { label: Localized; value: string }[] =>
  COUNTRY_CODES.map((code) => ({ label: countryName(code), value: code })).sort((a, b) =>
    a.label.en.localeCompare(b.label.en, 'en'),
  )
