import { translator } from '../shared/i18n'

/**
 * English strings of `<etw-stats-chart>`; other languages are in `src/locales/`. `{a}` and `{b}`
 * are the first and last values, `{c}` and `{e}` their dates (a history) or countries (a comparison).
 */
export const EN = {
  chartDate: 'Date',
  chartValue: 'Value',
  chartCountry: 'Country',
  chartHistory: 'From {a} on {c} to {b} on {e}.',
  chartCompare: 'Highest: {c}, {a}. Lowest: {e}, {b}.',
  chartEmpty: 'No figures yet.',
}

/** A built-in string of `<etw-stats-chart>` in `locale`'s language. */
export const t = translator(EN)

/** `template` with each `{key}` replaced by its value. */
export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w)\}/g, (match, key: string) => values[key] ?? match)

/** A number in `locale`, with a "+" when the real figure is at least this much. */
export const formatValue = (locale: string, value: number, approximate = false): string =>
  new Intl.NumberFormat(locale).format(value) + (approximate ? '+' : '')

/** An ISO day in `locale`: in full (`15 May 2023`), or its month and year (`May 2023`). */
export const formatDay = (locale: string, day: string, short = false): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: short ? 'short' : 'long',
    day: short ? undefined : 'numeric',
  }).format(Date.parse(`${day.slice(0, 10)}T00:00:00Z`))

/** The country's name in `locale` (`AZ` → "Azerbaijan"), the code itself when unknown. */
export const countryName = (locale: string, code: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}
