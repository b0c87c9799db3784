/** Hungarian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Még nincs megjeleníthető tartalom.',
  ics: 'Hozzáadás a naptárhoz',
  register: 'Regisztráció',
  participating: 'Részt vevő országok',
  source: 'Eredetileg közzétette:',
  related: 'Kapcsolódó események',
  teachers: 'Tanárok',
  schools: 'Iskolák',
  projects: 'Projektek',
  students: 'Diákok',
  countries: 'Országok',
  'in-person': 'Személyes részvétellel',
  online: 'Online',
  hybrid: 'Hibrid',
  seminar: 'Szeminárium',
  training: 'Képzés',
  meeting: 'Találkozó',
  webinar: 'Webinárium',
  conference: 'Konferencia',
} satisfies Strings
