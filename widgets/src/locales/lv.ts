/** Latvian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Pagaidām nav ko rādīt.',
  ics: 'Pievienot kalendāram',
  register: 'Reģistrēties',
  participating: 'Dalībvalstis',
  source: 'Sākotnēji publicēja',
  related: 'Saistītie pasākumi',
  teachers: 'Skolotāji',
  schools: 'Skolas',
  projects: 'Projekti',
  students: 'Skolēni',
  countries: 'Valstis',
  'in-person': 'Klātienē',
  online: 'Tiešsaistē',
  hybrid: 'Hibrīds',
  seminar: 'Seminārs',
  training: 'Apmācības',
  meeting: 'Tikšanās',
  webinar: 'Vebinārs',
  conference: 'Konference',
} satisfies Strings
