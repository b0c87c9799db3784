/** Right-to-left languages and scripts. */
const RTL = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)\b|-(arab|hebr|thaa)\b/i

type TextInfo = { direction?: 'ltr' | 'rtl' }

/**
 * The writing direction of `locale` (a valid BCP 47 tag, as `canonicalLocale` gives): `rtl` for
 * Arabic, Hebrew, Persian, Urdu, … and any tag with a right-to-left script (`az-Arab`), else `ltr`.
 * `rtl` when `Intl.Locale` (`getTextInfo()`, or the older `textInfo`) or the list says so: the
 * engine answers from its locale data, which lacks languages (Dhivehi) and scripts (`az-Arab`).
 */
export const direction = (locale: string): 'ltr' | 'rtl' => {
  const tag = new Intl.Locale(locale) as Intl.Locale & {
    getTextInfo?: () => TextInfo
    textInfo?: TextInfo
  }
  return (tag.getTextInfo?.() ?? tag.textInfo)?.direction === 'rtl' || RTL.test(locale)
    ? 'rtl'
    : 'ltr'
}
