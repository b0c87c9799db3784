import { translator } from '../shared/i18n'

/** A built-in string of `<etw-news-feed>` in `locale`'s language. */
export const t = translator(['empty'], {
  en: 'Nothing to show yet.',
  uk: 'Поки що нічого немає.',
  az: 'Hələ heç nə yoxdur.',
})

/** A calendar date in `locale`. */
export const formatDate = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
