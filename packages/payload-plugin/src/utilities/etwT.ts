import type { EtwTranslationKey } from '../translations/en'

type Vars = Record<string, number | string>

/** Payload's `t` narrowed to the plugin's namespace: `text('copy')` is `t('etw:copy')`. */
export type EtwT = (key: EtwTranslationKey, vars?: Vars) => string

/** Payload's `t` of any key set (`TFunction<…>` of the admin, of a request, of a plugin). */
type AnyT = (key: never, vars?: never) => string

/**
 * Payload's `t` (`useTranslation().t` in a client component, `i18n.t` or `req.t` on the server)
 * for the plugin's `etw` keys, with the key list typed. The plugin registers every key for every
 * supported admin language, English where a language has none.
 */
export const etwT =
  (t: AnyT): EtwT =>
  (key, vars) =>
    (t as unknown as (key: string, vars?: Vars) => string)(`etw:${key}`, vars)
