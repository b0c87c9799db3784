import { translator } from '../shared/i18n'

/** Built-in strings of `<etw-events>`, in the order of each language's list. */
const KEYS = ['ics', 'register', 'countries'] as const

/** A built-in string of `<etw-events>` in `locale`'s language. */
export const t = translator(KEYS, {
  en: 'Add to calendar|Register|Participating countries',
  uk: 'Додати до календаря|Зареєструватися|Країни-учасниці',
  az: 'Təqvimə əlavə et|Qeydiyyatdan keç|İştirakçı ölkələr',
})

/** The country's name in `locale` (`AZ` → "Azerbaijan"), the code itself when unknown. */
export const countryName = (locale: string, code: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

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
