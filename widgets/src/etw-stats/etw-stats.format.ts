import { hasIntlData } from '../shared/i18n'

/**
 * How the counters write the numbers from 0 up to `value` in `locale`: with `Intl` when this
 * browser has the locale's data, else like `sample`, the CMS's text of `value` (`4.308`, `٤٬٣٠٨`):
 * its digits, its grouping separator and whatever stands around them.
 */
export const numberFormat = (
  locale: string,
  value: number,
  sample = '',
): ((n: number) => string) => {
  const digits = sample.match(/\p{Nd}/gu) ?? []
  const ascii = String(value)
  if (hasIntlData(locale) || digits.length !== ascii.length) {
    return new Intl.NumberFormat(locale).format
  }
  const zero = digits[0]!.codePointAt(0)! - Number(ascii[0])
  // The separator between the first two digits: none in `4308`, and no number below 10 has one.
  const separator = /\p{Nd}(\P{Nd}*)\p{Nd}/u.exec(sample)?.[1] as string
  return (n) =>
    sample.replace(/\p{Nd}(.*\p{Nd})?/u, () =>
      n
        .toLocaleString('en')
        .replace(/,/g, separator)
        .replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d))),
    )
}
