/** Right-to-left languages and scripts, for engines without `Intl.Locale#getTextInfo`. */
const RTL = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)\b|-(arab|hebr)\b/i

type TextInfo = { direction?: 'ltr' | 'rtl' }

/**
 * The writing direction of `locale` (a valid BCP 47 tag, as `canonicalLocale` gives): `rtl` for
 * Arabic, Hebrew, Persian, Urdu, … and any tag with the Arabic or Hebrew script (`az-Arab`), else
 * `ltr`. `Intl.Locale` decides where it can (`getTextInfo()`, or the older `textInfo`).
 */
export const direction = (locale: string): 'ltr' | 'rtl' => {
  const tag = new Intl.Locale(locale) as Intl.Locale & {
    getTextInfo?: () => TextInfo
    textInfo?: TextInfo
  }
  return (tag.getTextInfo?.() ?? tag.textInfo)?.direction ?? (RTL.test(locale) ? 'rtl' : 'ltr')
}
