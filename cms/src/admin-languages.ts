import type { SupportedLanguages } from '@payloadcms/translations'

import { ar } from '@payloadcms/translations/languages/ar'
import { az } from '@payloadcms/translations/languages/az'
import { bg } from '@payloadcms/translations/languages/bg'
import { cs } from '@payloadcms/translations/languages/cs'
import { da } from '@payloadcms/translations/languages/da'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import { et } from '@payloadcms/translations/languages/et'
import { fr } from '@payloadcms/translations/languages/fr'
import { hr } from '@payloadcms/translations/languages/hr'
import { hu } from '@payloadcms/translations/languages/hu'
import { hy } from '@payloadcms/translations/languages/hy'
import { is } from '@payloadcms/translations/languages/is'
import { it } from '@payloadcms/translations/languages/it'
import { lt } from '@payloadcms/translations/languages/lt'
import { lv } from '@payloadcms/translations/languages/lv'
import { nb } from '@payloadcms/translations/languages/nb'
import { nl } from '@payloadcms/translations/languages/nl'
import { pl } from '@payloadcms/translations/languages/pl'
import { pt } from '@payloadcms/translations/languages/pt'
import { ro } from '@payloadcms/translations/languages/ro'
import { rs } from '@payloadcms/translations/languages/rs'
import { rsLatin } from '@payloadcms/translations/languages/rsLatin'
import { sk } from '@payloadcms/translations/languages/sk'
import { sl } from '@payloadcms/translations/languages/sl'
import { sv } from '@payloadcms/translations/languages/sv'
import { tr } from '@payloadcms/translations/languages/tr'
import { uk } from '@payloadcms/translations/languages/uk'

/**
 * The admin's languages: every language of an eTwinning country that Payload ships a translation
 * for (the EU's official languages, Norwegian, Icelandic, Turkish, Serbian in both scripts,
 * Armenian, Azerbaijani, Ukrainian and Arabic). Greek, Finnish, Irish, Maltese, Albanian,
 * Macedonian, Bosnian and Georgian are not offered because Payload has no admin translation for
 * them. Keys are Payload's (`rs`, `rs-latin`, `nb`); the plugin's `etw` strings exist for each.
 */
export const adminLanguages = {
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
} satisfies SupportedLanguages
