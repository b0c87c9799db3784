/** Czech strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Zatím zde nic není.',
  ics: 'Přidat do kalendáře',
  register: 'Registrovat se',
  participating: 'Zúčastněné země',
  source: 'Původně zveřejnil',
  related: 'Související akce',
  teachers: 'Učitelé',
  schools: 'Školy',
  projects: 'Projekty',
  students: 'Žáci',
  countries: 'Země',
  'in-person': 'Prezenčně',
  online: 'Online',
  hybrid: 'Hybridně',
  seminar: 'Seminář',
  training: 'Školení',
  meeting: 'Setkání',
  webinar: 'Webinář',
  conference: 'Konference',
} satisfies Strings
