/** Ukrainian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Поки що нічого немає.',
  ics: 'Додати до календаря',
  register: 'Зареєструватися',
  participating: 'Країни-учасниці',
  source: 'Уперше опубліковано:',
  related: 'Пов’язані події',
  teachers: 'Учителі',
  schools: 'Школи',
  projects: 'Проєкти',
  students: 'Учні',
  countries: 'Країни',
  'in-person': 'Очно',
  online: 'Онлайн',
  hybrid: 'Змішаний',
  seminar: 'Семінар',
  training: 'Тренінг',
  meeting: 'Зустріч',
  webinar: 'Вебінар',
  conference: 'Конференція',
} satisfies Strings
