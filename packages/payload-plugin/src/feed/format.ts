/**
 * Values formatted on the server, where Node has every locale's data, for readers whose browser
 * lacks it (Chromium's trimmed ICU formats Azerbaijani dates as "2023 M05 15"). Each uses the
 * options the widgets format with, so both read alike.
 */

/** `value` as `Intl.NumberFormat(locale)` writes it (`4.308` in `az`), without the "+" marker. */
export const formatNumber = (locale: string, value: number): string =>
  new Intl.NumberFormat(locale).format(value)

/** An ISO date or date-time as a medium date (`15 may 2023` in `az`), in `timeZone`. */
export const formatDate = (locale: string, iso: string, timeZone = 'UTC'): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date)
}

const rangeFormat = (locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  })

/** `start`–`end` in the event's own `timeZone` with its short name (UTC when the zone is unknown). */
export const formatDateRange = (
  locale: string,
  start: string,
  end: string,
  timeZone: string,
): string => {
  const from = new Date(start)
  const to = new Date(end)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) return ''
  let format: Intl.DateTimeFormat
  try {
    format = rangeFormat(locale, timeZone)
  } catch {
    format = rangeFormat(locale, 'UTC')
  }
  return format.formatRange(from, to)
}

/** The name of a country (ISO 3166-1 alpha-2) in `locale` (`AZ` → "Azərbaycan"), else the code. */
export const countryName = (locale: string, code: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Country names joined as `locale` lists them ("Azərbaycan, Gürcüstan və Ukrayna"). */
export const formatCountryList = (locale: string, codes: readonly string[]): string =>
  new Intl.ListFormat(locale).format(codes.map((code) => countryName(locale, code)))
