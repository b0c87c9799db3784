/** German strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Noch nichts zu zeigen.',
  ics: 'Zum Kalender hinzufügen',
  register: 'Anmelden',
  participating: 'Teilnehmende Länder',
  source: 'Ursprünglich veröffentlicht von',
  related: 'Verwandte Veranstaltungen',
  teachers: 'Lehrkräfte',
  schools: 'Schulen',
  projects: 'Projekte',
  students: 'Schülerinnen und Schüler',
  countries: 'Länder',
  'in-person': 'Vor Ort',
  online: 'Online',
  hybrid: 'Hybrid',
  seminar: 'Seminar',
  training: 'Fortbildung',
  meeting: 'Treffen',
  webinar: 'Webinar',
  conference: 'Konferenz',
} satisfies Strings
