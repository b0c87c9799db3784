/** Dutch strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Nog niets te tonen.',
  ics: 'Toevoegen aan agenda',
  register: 'Inschrijven',
  participating: 'Deelnemende landen',
  source: 'Oorspronkelijk gepubliceerd door',
  related: 'Gerelateerde evenementen',
  teachers: 'Leraren',
  schools: 'Scholen',
  projects: 'Projecten',
  students: 'Leerlingen',
  countries: 'Landen',
  'in-person': 'Op locatie',
  online: 'Online',
  hybrid: 'Hybride',
  seminar: 'Seminar',
  training: 'Training',
  meeting: 'Bijeenkomst',
  webinar: 'Webinar',
  conference: 'Conferentie',
} satisfies Strings
