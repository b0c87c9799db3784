/** Irish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Níl aon rud le taispeáint fós.',
  ics: 'Cuir leis an bhféilire',
  register: 'Cláraigh',
  participating: 'Tíortha rannpháirteacha',
  source: 'Foilsithe ar dtús ag',
  related: 'Imeachtaí gaolmhara',
  teachers: 'Múinteoirí',
  schools: 'Scoileanna',
  projects: 'Tionscadail',
  students: 'Daltaí',
  countries: 'Tíortha',
  'in-person': 'Go pearsanta',
  online: 'Ar líne',
  hybrid: 'Hibrideach',
  seminar: 'Seimineár',
  training: 'Oiliúint',
  meeting: 'Cruinniú',
  webinar: 'Gréasánseimineár',
  conference: 'Comhdháil',
} satisfies Strings
