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

/** A date in `locale` (`15 травня 2023 р.`). */
export const formatDay = (locale: string, iso: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))

/** A date and time in `locale` and `timeZone`, with the zone's offset (`15 May 2023, 09:00 GMT+4`). */
export const formatInZone = (locale: string, iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso)) +
  ` ${
    new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  }`.trimEnd()
