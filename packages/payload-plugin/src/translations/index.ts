import type { AcceptedLanguages } from '@payloadcms/translations'

import type { EtwTranslationKey, EtwTranslations } from './en'

import { ar } from './ar'
import { az } from './az'
import { bg } from './bg'
import { cs } from './cs'
import { da } from './da'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { et } from './et'
import { fr } from './fr'
import { hr } from './hr'
import { hu } from './hu'
import { hy } from './hy'
import { is } from './is'
import { it } from './it'
import { lt } from './lt'
import { lv } from './lv'
import { nb } from './nb'
import { nl } from './nl'
import { pl } from './pl'
import { pt } from './pt'
import { ro } from './ro'
import { rs } from './rs'
import { rsLatin } from './rsLatin'
import { sk } from './sk'
import { sl } from './sl'
import { sv } from './sv'
import { tr } from './tr'
import { uk } from './uk'

export type { EtwTranslationKey, EtwTranslations } from './en'
export { intlLocaleOf } from './intl'

/**
 * The plugin's strings per admin language (Payload's language keys: `rs-latin`, `nb`…), English
 * included. A language missing here reads English. The CMS offers exactly these languages in its
 * admin, each with Payload's own translation, so every key must be one of Payload's languages.
 */
export const etwLanguages: Readonly<Record<string, EtwTranslations>> = {
  ar,
  az,
  bg,
  cs,
  da,
  de,
  en,
  es,
  et,
  fr,
  hr,
  hu,
  hy,
  is,
  it,
  lt,
  lv,
  nb,
  nl,
  pl,
  pt,
  ro,
  rs,
  'rs-latin': rsLatin,
  sk,
  sl,
  sv,
  tr,
  uk,
} satisfies Partial<Record<AcceptedLanguages, EtwTranslations>>

/** The `etw` namespace of `language`: its own strings over English, so no key is ever missing. */
export const etwTranslationsOf = (language: string): EtwTranslations =>
  language === 'en' ? en : { ...en, ...etwLanguages[language] }

/**
 * The plugin's messages under the `etw` namespace for each of `languages`, to be deep-merged under
 * the host's `i18n.translations`. Every language gets every key: a language the plugin has no
 * strings for reads English, never a raw key.
 */
export const etwI18nTranslations = (
  languages: readonly string[],
): Record<string, { etw: EtwTranslations }> =>
  Object.fromEntries(languages.map((language) => [language, { etw: etwTranslationsOf(language) }]))

type Interpolation = Record<string, number | string>

/** `template` with each `{{name}}` replaced by `vars[name]` (as Payload's `t` does). */
export const interpolate = (template: string, vars: Interpolation = {}): string =>
  template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  )

/**
 * One of the plugin's strings in `language`, outside Payload's i18n (public pages, the feed):
 * the same source as the admin's `t('etw:…')`, English when the language has no such string.
 */
export const etwString = (language: string, key: EtwTranslationKey, vars?: Interpolation): string =>
  interpolate(etwLanguages[language]?.[key] ?? en[key], vars)
