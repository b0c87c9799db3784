/** Albanian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ende nuk ka asgjë për të shfaqur.',
  ics: 'Shto në kalendar',
  register: 'Regjistrohu',
  participating: 'Vendet pjesëmarrëse',
  source: 'Botuar fillimisht nga',
  related: 'Ngjarje të lidhura',
  teachers: 'Mësues',
  schools: 'Shkolla',
  projects: 'Projekte',
  students: 'Nxënës',
  countries: 'Vende',
  'in-person': 'Me prani fizike',
  online: 'Në internet',
  hybrid: 'Hibrid',
  seminar: 'Seminar',
  training: 'Trajnim',
  meeting: 'Takim',
  webinar: 'Webinar',
  conference: 'Konferencë',
} satisfies Strings
