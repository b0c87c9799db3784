/** Romanian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Încă nu este nimic de afișat.',
  ics: 'Adaugă în calendar',
  register: 'Înscrie-te',
  participating: 'Țări participante',
  source: 'Publicat inițial de',
  related: 'Evenimente conexe',
  teachers: 'Profesori',
  schools: 'Școli',
  projects: 'Proiecte',
  students: 'Elevi',
  countries: 'Țări',
  'in-person': 'Cu prezență fizică',
  online: 'Online',
  hybrid: 'Hibrid',
  seminar: 'Seminar',
  training: 'Formare',
  meeting: 'Întâlnire',
  webinar: 'Webinar',
  conference: 'Conferință',
} satisfies Strings
