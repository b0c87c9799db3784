/** Lithuanian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Kol kas nėra ką rodyti.',
  ics: 'Pridėti į kalendorių',
  register: 'Registruotis',
  participating: 'Dalyvaujančios šalys',
  source: 'Pirmą kartą paskelbė',
  related: 'Susiję renginiai',
  teachers: 'Mokytojai',
  schools: 'Mokyklos',
  projects: 'Projektai',
  students: 'Mokiniai',
  countries: 'Šalys',
  'in-person': 'Gyvai',
  online: 'Internetu',
  hybrid: 'Mišrus',
  seminar: 'Seminaras',
  training: 'Mokymai',
  meeting: 'Susitikimas',
  webinar: 'Internetinis seminaras',
  conference: 'Konferencija',
} satisfies Strings
