import { translator } from '../shared/i18n'

/** English strings of `<etw-news-feed>`; other languages are in `src/locales/`. */
export const EN = {
  searchLabel: 'Search news',
  searchFound: 'Results:',
}

/** A built-in string of `<etw-news-feed>` in `locale`'s language. */
export const t = translator(EN)
