/** Danish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Der er intet at vise endnu.',
  ics: 'Føj til kalender',
  register: 'Tilmeld dig',
  participating: 'Deltagende lande',
  source: 'Oprindeligt udgivet af',
  related: 'Relaterede arrangementer',
  teachers: 'Lærere',
  schools: 'Skoler',
  projects: 'Projekter',
  students: 'Elever',
  countries: 'Lande',
  'in-person': 'Fysisk fremmøde',
  online: 'Online',
  hybrid: 'Hybrid',
  seminar: 'Seminar',
  training: 'Kursus',
  meeting: 'Møde',
  webinar: 'Webinar',
  conference: 'Konference',
} satisfies Strings
