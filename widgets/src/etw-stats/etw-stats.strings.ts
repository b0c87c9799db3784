import { translator } from '../shared/i18n'
import { formatDate } from '../shared/items'

/**
 * English strings of `<etw-stats>`; other languages are in `src/locales/`. `{d}` is a date, `{n}`
 * a change.
 */
export const EN = {
  asOf: 'As of {d}',
  statsSource: 'Source',
  since: '{n} since {d}',
}

/** A built-in string of `<etw-stats>` in `locale`'s language. */
export const t = translator(EN)

/** A signed difference written by `format` (`+128`, `-40`, `0`), in the locale's digits. */
export const formatChange = (format: (n: number) => string, change: number): string =>
  (change > 0 ? '+' : change < 0 ? '-' : '') + format(Math.abs(change))

/**
 * An ISO day (`2023-05-15`) in `locale` (`May 15, 2023`, `15 трав. 2023 р.`), whatever the time
 * zone; `formatted`, the CMS's text of it, when this browser lacks the locale's data.
 */
export const formatDay = (locale: string, day: string, formatted?: string): string =>
  formatDate(locale, day, formatted, 'UTC')
