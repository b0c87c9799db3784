/** Primary language subtag, lower case: `uk-UA` → `uk`. */
export const language = (locale: string) => locale.split('-')[0]!.toLowerCase()

/** A language's strings for every tag, by key (`src/locales/<language>.json`). */
export type Strings = Record<string, string>

/** Languages with a strings file (`src/locales/`), space-separated; English is built in. */
declare const __ETW_LOCALES__: string
/** A hash of every language's strings, in the self-hosted strings files' names. */
declare const __ETW_LOCALE_HASH__: string
/** `true` in the self-hosted build, `false` in the npm build (where a bundler resolves the imports). */
declare const __ETW_SELF_HOSTED__: boolean

/**
 * The strings of `lang`: self-hosted, a JSON file beside the shared chunk — data, so it needs no
 * integrity check as the modules do; in the npm build, a module the page's bundler resolves.
 */
const chunk = (lang: string): Promise<Strings> => {
  // A name in a variable: Vite would take a literal in `new URL(…, import.meta.url)` for an asset.
  const file = `locale-${lang}-${__ETW_LOCALE_HASH__}.json`
  return __ETW_SELF_HOSTED__
    ? // A missing file answers with no JSON, which rejects as well.
      fetch(new URL(file, import.meta.url)).then((response) => response.json())
    : import.meta.glob<{ default: Strings }>('../locales/*.json')[
        `../locales/${lang}.json`
      ]!().then((module) => module.default)
}

/** Per language: its strings once they have loaded (empty when it has none or they failed). */
const loaded: Record<string, Strings> = { en: {} }
const pending: Record<string, Promise<unknown>> = {}

/**
 * Loads the strings of `locale`'s language (one file per language holding every tag's strings) once
 * per page; settles, never rejects, when they are there or when there are none to load.
 */
export const loadStrings = (locale: string): Promise<unknown> => {
  const lang = language(locale)
  return (pending[lang] ??= (
    __ETW_LOCALES__.split(' ').includes(lang) ? chunk(lang) : Promise.reject()
  ).then(
    (texts) => (loaded[lang] = texts),
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
