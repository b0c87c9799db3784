/** Norwegian Bokmål strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ingenting å vise ennå.',
  ics: 'Legg til i kalenderen',
  register: 'Meld deg på',
  participating: 'Deltakende land',
  source: 'Opprinnelig publisert av',
  related: 'Relaterte arrangementer',
  teachers: 'Lærere',
  schools: 'Skoler',
  projects: 'Prosjekter',
  students: 'Elever',
  countries: 'Land',
  'in-person': 'Fysisk oppmøte',
  online: 'Digitalt',
  hybrid: 'Hybrid',
  seminar: 'Seminar',
  training: 'Kurs',
  meeting: 'Møte',
  webinar: 'Webinar',
  conference: 'Konferanse',
} satisfies Strings
