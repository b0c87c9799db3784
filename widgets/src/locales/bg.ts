/** Bulgarian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Все още няма нищо за показване.',
  ics: 'Добавяне в календара',
  register: 'Регистрация',
  participating: 'Участващи държави',
  source: 'Първоначално публикувано от',
  related: 'Свързани събития',
  teachers: 'Учители',
  schools: 'Училища',
  projects: 'Проекти',
  students: 'Ученици',
  countries: 'Държави',
  'in-person': 'Присъствено',
  online: 'Онлайн',
  hybrid: 'Хибридно',
  seminar: 'Семинар',
  training: 'Обучение',
  meeting: 'Среща',
  webinar: 'Уебинар',
  conference: 'Конференция',
} satisfies Strings
