import type { TFunction } from '@payloadcms/translations'

import type { EtwTranslationKey } from '../translations'

import { etwLanguages } from '../translations'
import { translate } from './translate'

/**
 * A label, description or option label as Payload resolves it for the admin's language: a
 * function of Payload's `t` that reads the plugin's `etw` namespace.
 */
export type EtwLabel = (args: { t: TFunction }) => string

/** Singular and plural labels of a collection. */
export type CollectionLabels = { plural: EtwLabel; singular: EtwLabel }

/** The label `({ t }) => t('etw:key')`, with a typed key. */
export const etwText =
  (key: EtwTranslationKey): EtwLabel =>
  ({ t }) =>
    translate(t, key)

/**
 * The string in every language the plugin ships, as a static `{ en, uk, … }` object, for the few
 * places Payload does not resolve a function of `t` (a global's `admin.description`). Another
 * admin language reads Payload's fallback language.
 */
export const etwTexts = (key: EtwTranslationKey): Record<string, string> =>
  Object.fromEntries(
    Object.entries(etwLanguages).map(([language, texts]) => [language, texts[key]]),
  )
