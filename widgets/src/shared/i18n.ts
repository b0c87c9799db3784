/** Keys of the built-in strings, in the order of each language's list below. */
const KEYS = [
  'conference',
  'meeting',
  'seminar',
  'training',
  'webinar',
  'in-person',
  'online',
  'hybrid',
  'ics',
  'register',
  'countries',
  'empty',
] as const

export type StringKey = (typeof KEYS)[number]

// One '|'-separated list per language (in KEYS order) keeps the bundle small; an empty entry
// falls back to English.
const strings: Record<string, string> = {
  en: 'Conference|Meeting|Seminar|Training|Webinar|In person|Online|Hybrid|Add to calendar|Register|Participating countries|Nothing to show yet.',
  uk: 'Конференція|Зустріч|Семінар|Тренінг|Вебінар|Очно|Онлайн|Змішаний формат|Додати до календаря|Зареєструватися|Країни-учасниці|Поки що нічого немає.',
  az: 'Konfrans|Görüş||Təlim|Vebinar|Əyani|Onlayn|Hibrid|Təqvimə əlavə et|Qeydiyyatdan keç|İştirakçı ölkələr|Hələ heç nə yoxdur.',
}

/** Languages with built-in strings. */
export const LANGUAGES = Object.keys(strings)

/** Primary language subtag, lower case: `uk-UA` → `uk`. */
export const language = (locale: string) => locale.split('-')[0]!.toLowerCase()

/** A built-in string in `locale`'s language, English when the language has none; else the key. */
export const t = (locale: string, key: StringKey | (string & {})): string => {
  const index = KEYS.indexOf(key as StringKey)
  return (
    (index < 0
      ? ''
      : strings[language(locale)]?.split('|')[index] || strings.en!.split('|')[index]) || key
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

/** The country's name in `locale` (`AZ` → "Azerbaijan"), the code itself when unknown. */
export const countryName = (locale: string, code: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** `value` in `locale`, with a "+" when the real figure is at least this much. */
export const formatNumber = (locale: string, value: number, approximate = false) =>
  new Intl.NumberFormat(locale).format(value) + (approximate ? '+' : '')

/** `start`–`end` in `timeZone` (the event's own), with the zone's short name. */
export const formatRange = (locale: string, start: Date, end: Date, timeZone?: string) => {
  const format = (zone?: string) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: zone,
    }).formatRange(start, end)
  try {
    return format(timeZone)
  } catch {
    // An unknown time zone from the CMS must not cost the whole list.
    return format('UTC')
  }
}

/** A calendar date in `locale`. */
export const formatDate = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
