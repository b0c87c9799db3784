/** Primary language subtag, lower case: `uk-UA` → `uk`. */
export const language = (locale: string) => locale.split('-')[0]!.toLowerCase()

/** A language's strings for every tag, by key (`src/locales/<language>.ts`). */
export type Strings = Record<string, string>

/** Languages with a strings chunk (`src/locales/`), space-separated; English is built in. */
declare const __ETW_LOCALES__: string
/** A hash of every language's strings, in the self-hosted chunks' names. */
declare const __ETW_LOCALE_HASH__: string
/** `true` in the self-hosted build, `false` in the npm build (where a bundler resolves the imports). */
declare const __ETW_SELF_HOSTED__: boolean

const chunk = (lang: string): Promise<{ default: Strings }> => {
  // Beside the shared chunk; a specifier in a variable keeps Vite from adding its preload helper.
  const url = `./locale-${lang}-${__ETW_LOCALE_HASH__}.js`
  return __ETW_SELF_HOSTED__
    ? import(/* @vite-ignore */ url)
    : import.meta.glob<{ default: Strings }>('../locales/*.ts')[`../locales/${lang}.ts`]!()
}

/** Per language: its strings once its chunk has loaded (empty when it has none or failed). */
const loaded: Record<string, Strings> = { en: {} }
const pending: Record<string, Promise<unknown>> = {}

/**
 * Loads the strings of `locale`'s language (one chunk per language holding every tag's strings) once
 * per page; settles, never rejects, when they are there or when there are none to load.
 */
export const loadStrings = (locale: string): Promise<unknown> => {
  const lang = language(locale)
  return (pending[lang] ??= (
    __ETW_LOCALES__.split(' ').includes(lang) ? chunk(lang) : Promise.reject()
  ).then(
    (module) => (loaded[lang] = module.default),
    () => (loaded[lang] = {}),
  ))
}

/** The loaded strings of `locale`'s language; `undefined` while they are loading. */
export const strings = (locale: string): Strings | undefined => loaded[language(locale)]

/**
 * A lookup of built-in strings: `en` holds a tag's English strings (built into its chunk), the
 * other languages come from their loaded chunk. A key missing there reads in English.
 */
export const translator =
  <K extends string>(en: Record<K, string>) =>
  (locale: string, key: K): string =>
    strings(locale)?.[key] || en[key]

/** A valid BCP 47 tag for `Intl`, or `en`. */
export const canonicalLocale = (tag: string | null | undefined): string => {
  try {
    return (tag && Intl.getCanonicalLocales(tag)[0]) || 'en'
  } catch {
    return 'en'
  }
}

const known: Record<string, boolean> = {}

/**
 * Whether this browser has `locale`'s formatting data; without it, the widgets show the values the
 * CMS formatted (`formatted`, `countryName`). A browser can list a locale as supported and still
 * format it with the root data ("2023 M05 15", "4,308" for Azerbaijani): its month names tell
 * (the root's read "M01").
 */
export const hasIntlData = (locale: string): boolean =>
  (known[locale] ??=
    Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 &&
    !/^M\d/.test(new Intl.DateTimeFormat(locale, { month: 'long' }).format(0)))
