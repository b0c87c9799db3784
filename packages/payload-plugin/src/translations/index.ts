import { az } from './az'
import { en } from './en'
import { uk } from './uk'

export type { EtwTranslationKey } from './en'

/** The plugin's messages under the `etw` namespace, deep-merged into the host's `i18n.translations`. */
export const translations = {
  az: { etw: az },
  en: { etw: en },
  uk: { etw: uk },
}
