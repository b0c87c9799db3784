import { translator } from '../shared/i18n'

/** Built-in strings of `<etw-stats>`, in the order of each language's list; `{d}` a date, `{n}` a change. */
const KEYS = ['asOf', 'source', 'since'] as const

/** A built-in string of `<etw-stats>` in `locale`'s language. */
export const t = translator(KEYS, {
  en: 'As of {d}|Source|{n} since {d}',
  uk: 'Станом на {d}|Джерело|{n} з {d}',
  az: '{d} tarixinə|Mənbə|{d} tarixindən bəri {n}',
})

/** An ISO day (`2023-05-15`) in `locale` (`May 15, 2023`, `15 трав. 2023 р.`). */
export const formatDay = (locale: string, day: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(day))

/** A signed difference in `locale` (`+128`, `-40`, `0`). */
export const formatChange = (locale: string, change: number): string =>
  new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(change)
