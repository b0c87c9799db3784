/** Slovak strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Zatiaľ tu nič nie je.',
  ics: 'Pridať do kalendára',
  register: 'Registrovať sa',
  participating: 'Zúčastnené krajiny',
  source: 'Pôvodne zverejnil',
  related: 'Súvisiace podujatia',
  teachers: 'Učitelia',
  schools: 'Školy',
  projects: 'Projekty',
  students: 'Žiaci',
  countries: 'Krajiny',
  'in-person': 'Prezenčne',
  online: 'Online',
  hybrid: 'Hybridne',
  seminar: 'Seminár',
  training: 'Školenie',
  meeting: 'Stretnutie',
  webinar: 'Webinár',
  conference: 'Konferencia',
} satisfies Strings
