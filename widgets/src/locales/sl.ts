/** Slovenian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Zaenkrat ni ničesar za prikaz.',
  ics: 'Dodaj v koledar',
  register: 'Prijavi se',
  participating: 'Sodelujoče države',
  source: 'Prvotno objavil',
  related: 'Povezani dogodki',
  teachers: 'Učitelji',
  schools: 'Šole',
  projects: 'Projekti',
  students: 'Učenci',
  countries: 'Države',
  'in-person': 'V živo',
  online: 'Na spletu',
  hybrid: 'Hibridno',
  seminar: 'Seminar',
  training: 'Usposabljanje',
  meeting: 'Srečanje',
  webinar: 'Spletni seminar',
  conference: 'Konferenca',
} satisfies Strings
