import type { TFunction } from '@payloadcms/translations'

import type { EtwTranslationKey } from '../translations'

import { etwString } from '../translations'

type Interpolation = Record<string, number | string>

/**
 * One of the plugin's strings through Payload's `t` (`req.t`, the admin's `i18n.t`):
 * `t('etw:key', vars)`. English when there is no `t` (a bare Local API call) or the host removed
 * the plugin's translations, so a raw key never shows.
 */
export const translate = (
  t: TFunction | undefined,
  key: EtwTranslationKey,
  vars?: Interpolation,
): string => {
  const fullKey = `etw:${key}`
  const translated = t ? (t as TFunction<string>)(fullKey, vars) : undefined
  return translated && translated !== fullKey && translated !== key
    ? translated
    : etwString('en', key, vars)
}
