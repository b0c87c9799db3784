/** Italian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ancora niente da mostrare.',
  ics: 'Aggiungi al calendario',
  register: 'Iscriviti',
  participating: 'Paesi partecipanti',
  source: 'Pubblicato originariamente da',
  related: 'Eventi correlati',
  teachers: 'Insegnanti',
  schools: 'Scuole',
  projects: 'Progetti',
  students: 'Studenti',
  countries: 'Paesi',
  'in-person': 'In presenza',
  online: 'Online',
  hybrid: 'Ibrido',
  seminar: 'Seminario',
  training: 'Formazione',
  meeting: 'Incontro',
  webinar: 'Webinar',
  conference: 'Conferenza',
} satisfies Strings
