/** Croatian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Još nema ničega za prikaz.',
  ics: 'Dodaj u kalendar',
  register: 'Prijavi se',
  participating: 'Zemlje sudionice',
  source: 'Izvorno objavio',
  related: 'Povezani događaji',
  teachers: 'Učitelji',
  schools: 'Škole',
  projects: 'Projekti',
  students: 'Učenici',
  countries: 'Zemlje',
  'in-person': 'Uživo',
  online: 'Online',
  hybrid: 'Hibridno',
  seminar: 'Seminar',
  training: 'Osposobljavanje',
  meeting: 'Sastanak',
  webinar: 'Webinar',
  conference: 'Konferencija',
} satisfies Strings
