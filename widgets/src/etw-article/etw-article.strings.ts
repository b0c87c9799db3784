import { translator } from '../shared/i18n'

/** A built-in string of `<etw-article>` in `locale`'s language. */
export const t = translator(['source', 'related'], {
  en: 'Originally published by|Related events',
  uk: 'Уперше опубліковано:|Пов’язані події',
  az: 'İlk dərc edən:|Əlaqəli tədbirlər',
})
