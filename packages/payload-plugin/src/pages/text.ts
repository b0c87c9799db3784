import type { EtwTranslationKey } from '../translations'

import { translations } from '../translations'

type PageKey = Extract<EtwTranslationKey, `page${string}`>

const tables = translations as unknown as Record<string, { etw: Record<string, string> }>

/** One of the public pages' strings in `locale`, in English when the locale has none. */
export const pageText = (locale: string, key: PageKey): string =>
  tables[locale]?.etw[key] ?? tables.en!.etw[key] ?? key

const countryNames = new Map<string, Intl.DisplayNames>()

/** The name of an ISO 3166-1 alpha-2 country in `locale` (`Intl.DisplayNames`). */
export const countryName = (locale: string, code: string): string => {
  let names = countryNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { fallback: 'code', type: 'region' })
    countryNames.set(locale, names)
  }
  return names.of(code) ?? code
}

const languageNames = new Map<string, Intl.DisplayNames>()

/** The name of the language `code` in that language itself (`українська`). */
export const languageName = (code: string): string => {
  let names = languageNames.get(code)
  if (!names) {
    names = new Intl.DisplayNames([code, 'en'], { fallback: 'code', type: 'language' })
    languageNames.set(code, names)
  }
  return names.of(code) ?? code
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

// Making an `Intl.DateTimeFormat` costs far more than formatting with one; pages reuse them.
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}\n${JSON.stringify(options)}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(key, format)
  }
  return format
}

/** A date in `locale` (`15 травня 2023 р.`). */
export const formatDay = (locale: string, iso: string): string =>
  dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))

/** A date and time in `locale` and `timeZone`, with the zone's offset (`15 May 2023, 09:00 GMT+4`). */
export const formatInZone = (locale: string, iso: string, timeZone: string): string => {
  const date = new Date(iso)
  const offset = dateFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value
  const local = dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date)
  return offset ? `${local} ${offset}` : local
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** Numbers in `locale` (`160 000`), one formatter per locale. */
export const numberFormat = (locale: string): Intl.NumberFormat => {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format
}

const listFormats = new Map<string, Intl.ListFormat>()

/** Lists in `locale` (`Україна, Польща і Фінляндія`), one formatter per locale. */
export const listFormat = (locale: string): Intl.ListFormat => {
  let format = listFormats.get(locale)
  if (!format) {
    format = new Intl.ListFormat(locale)
    listFormats.set(locale, format)
  }
  return format
}
