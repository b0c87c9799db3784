import type { TFunction } from '@payloadcms/translations'

import type { EtwTranslationKey } from '../translations'

import { en } from '../translations/en'

type Interpolation = Record<string, number | string>

const interpolate = (template: string, vars: Interpolation = {}): string =>
  template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  )

/**
 * Translates one of the plugin's messages with the request's `t`, falling back to English when there
 * is no `t` (a bare Local API call) or the host removed the plugin's translations.
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
    : interpolate(en[key], vars)
}
