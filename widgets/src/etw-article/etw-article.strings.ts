import { translator } from '../shared/i18n'

/** English strings of `<etw-article>`; other languages are in `src/locales/`. */
export const EN = {
  source: 'Originally published by',
  related: 'Related events',
}

/** A built-in string of `<etw-article>` in `locale`'s language. */
export const t = translator(EN)
