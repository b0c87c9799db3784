import type { EtwTranslationKey } from '../translations'

import { etwString } from '../translations'

type PageKey = Extract<EtwTranslationKey, `page${string}`>

/** One of the public pages' strings in `locale` (the `etw` namespace), English when it has none. */
export const pageText = (locale: string, key: PageKey): string => etwString(locale, key)

/**
 * `make(key)` once per key: `Intl` objects cost far more to make than to use, so pages keep one per
 * locale (and options).
 */
const oncePer = <T>(make: (key: string) => T): ((key: string) => T) => {
  const made = new Map<string, T>()
  return (key) => {
    let value = made.get(key)
    if (value === undefined) {
      value = make(key)
      made.set(key, value)
    }
    return value
  }
}

const countryNames = oncePer(
  (locale) => new Intl.DisplayNames([locale, 'en'], { fallback: 'code', type: 'region' }),
)

/** The name of an ISO 3166-1 alpha-2 country in `locale` (`Intl.DisplayNames`). */
export const countryName = (locale: string, code: string): string =>
  countryNames(locale).of(code) ?? code

const languageNames = oncePer(
  (code) => new Intl.DisplayNames([code, 'en'], { fallback: 'code', type: 'language' }),
)

/** The name of the language `code` in that language itself (`українська`). */
export const languageName = (code: string): string => languageNames(code).of(code) ?? code

const dateFormats = oncePer((key) => {
  const [locale, options] = JSON.parse(key) as [string, Intl.DateTimeFormatOptions]
  return new Intl.DateTimeFormat(locale, options)
})

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  dateFormats(JSON.stringify([locale, options]))

/** A date in `locale` (`15 травня 2023 р.`). */
export const formatDay = (locale: string, iso: string): string =>
  dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))

/**
 * What `locale` writes between a date and its time (`, ` in `az`, `en` and `uk`), as its medium
 * date-time joins them; `null` where the time comes first. The long pattern's joint is the
 * word "at" in some locales and a slash in Azerbaijani (CLDR 48: `15 may 2023/09:00`).
 */
const dateTimeJoint = oncePer((locale): string | null => {
  const sample = new Date(Date.UTC(2023, 4, 15, 9))
  const options = { timeZone: 'UTC' } as const
  const day = dateFormat(locale, { ...options, dateStyle: 'medium' }).format(sample)
  const time = dateFormat(locale, { ...options, timeStyle: 'short' }).format(sample)
  const both = dateFormat(locale, { ...options, dateStyle: 'medium', timeStyle: 'short' }).format(
    sample,
  )
  return both.startsWith(day) && both.endsWith(time) && both.length > day.length + time.length
    ? both.slice(day.length, both.length - time.length)
    : null
})

/**
 * A date and time in `locale` and `timeZone`, with the zone's offset (`15 May 2023, 9:00 AM GMT+4`,
 * `15 may 2023, 09:00 GMT+4`): the long date and the short time, joined as the medium date-time.
 */
export const formatInZone = (locale: string, iso: string, timeZone: string): string => {
  const date = new Date(iso)
  const offset = dateFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value
  const joint = dateTimeJoint(locale)
  const local =
    joint === null
      ? dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date)
      : `${dateFormat(locale, { dateStyle: 'long', timeZone }).format(date)}${joint}${dateFormat(
          locale,
          { timeStyle: 'short', timeZone },
        ).format(date)}`
  return offset ? `${local} ${offset}` : local
}

/** Numbers in `locale` (`160 000`). */
export const numberFormat = oncePer((locale) => new Intl.NumberFormat(locale))

/** Lists in `locale` (`Україна, Польща і Фінляндія`). */
export const listFormat = oncePer((locale) => new Intl.ListFormat(locale))
