/** Swedish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Inget att visa ännu.',
  ics: 'Lägg till i kalendern',
  register: 'Anmäl dig',
  participating: 'Deltagande länder',
  source: 'Ursprungligen publicerad av',
  related: 'Relaterade evenemang',
  teachers: 'Lärare',
  schools: 'Skolor',
  projects: 'Projekt',
  students: 'Elever',
  countries: 'Länder',
  'in-person': 'På plats',
  online: 'Online',
  hybrid: 'Hybrid',
  seminar: 'Seminarium',
  training: 'Utbildning',
  meeting: 'Möte',
  webinar: 'Webbinarium',
  conference: 'Konferens',
} satisfies Strings
