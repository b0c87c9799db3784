/** Macedonian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Сè уште нема ништо за прикажување.',
  ics: 'Додај во календар',
  register: 'Регистрирај се',
  participating: 'Земји учеснички',
  source: 'Првично објавено од',
  related: 'Поврзани настани',
  teachers: 'Наставници',
  schools: 'Училишта',
  projects: 'Проекти',
  students: 'Ученици',
  countries: 'Земји',
  'in-person': 'Во живо',
  online: 'Онлајн',
  hybrid: 'Хибридно',
  seminar: 'Семинар',
  training: 'Обука',
  meeting: 'Средба',
  webinar: 'Вебинар',
  conference: 'Конференција',
} satisfies Strings
