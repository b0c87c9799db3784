/**
 * The plugin's `etw` translation keys for admin components, client and server alike: no strings and
 * no server code, so a `'use client'` component can import it next to `useTranslation()`.
 */
export type { EtwTranslationKey } from '../translations/en'
export { etwT } from '../utilities/etwT'
export type { EtwT } from '../utilities/etwT'
export { intlLocaleOf } from '../translations/intl'
