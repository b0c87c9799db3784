/** Serbian (Cyrillic) strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Још нема ничега за приказ.',
  ics: 'Додај у календар',
  register: 'Пријави се',
  participating: 'Земље учеснице',
  source: 'Првобитно објавио',
  related: 'Повезани догађаји',
  teachers: 'Наставници',
  schools: 'Школе',
  projects: 'Пројекти',
  students: 'Ученици',
  countries: 'Земље',
  'in-person': 'Уживо',
  online: 'Онлајн',
  hybrid: 'Хибридно',
  seminar: 'Семинар',
  training: 'Обука',
  meeting: 'Састанак',
  webinar: 'Вебинар',
  conference: 'Конференција',
} satisfies Strings
