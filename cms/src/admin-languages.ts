import { etwLanguages } from '@etw/payload-plugin'
import type { AcceptedLanguages, SupportedLanguages } from '@payloadcms/translations'
import { translations } from '@payloadcms/translations/all'

/**
 * The admin's languages: each language the plugin has `etw` strings for, with Payload's own admin
 * translation of it. These are the languages of eTwinning countries that Payload ships (the EU's
 * official languages, Norwegian, Icelandic, Turkish, Serbian in both scripts, Armenian,
 * Azerbaijani, Ukrainian and Arabic); Greek, Finnish, Irish, Maltese, Albanian, Macedonian, Bosnian
 * and Georgian are not offered because Payload has no admin translation for them. Keys are
 * Payload's (`rs`, `rs-latin`, `nb`), which the plugin's list is checked against.
 */
export const adminLanguages: SupportedLanguages = Object.fromEntries(
  Object.keys(etwLanguages).map((language) => [
    language,
    translations[language as AcceptedLanguages],
  ]),
)
