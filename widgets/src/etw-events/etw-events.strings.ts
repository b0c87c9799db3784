import { translator } from '../shared/i18n'

/** English strings of `<etw-events>`; other languages are in `src/locales/`. */
export const EN = {
  ics: 'Add to calendar',
  register: 'Register',
  participating: 'Participating countries',
}

/** A built-in string of `<etw-events>` in `locale`'s language. */
export const t = translator(EN)

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
