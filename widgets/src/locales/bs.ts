/** Bosnian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Još nema ništa za prikaz.',
  ics: 'Dodaj u kalendar',
  register: 'Prijavi se',
  participating: 'Zemlje učesnice',
  source: 'Prvobitno objavio',
  related: 'Povezani događaji',
  teachers: 'Nastavnici',
  schools: 'Škole',
  projects: 'Projekti',
  students: 'Učenici',
  countries: 'Zemlje',
  'in-person': 'Uživo',
  online: 'Online',
  hybrid: 'Hibridno',
  seminar: 'Seminar',
  training: 'Obuka',
  meeting: 'Sastanak',
  webinar: 'Webinar',
  conference: 'Konferencija',
} satisfies Strings
