/** `value` in `locale`, with a "+" when the real figure is at least this much. */
export const formatNumber = (locale: string, value: number, approximate = false) =>
  new Intl.NumberFormat(locale).format(value) + (approximate ? '+' : '')
