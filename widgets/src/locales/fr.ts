/** French strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Rien à afficher pour le moment.',
  ics: 'Ajouter au calendrier',
  register: 'S’inscrire',
  participating: 'Pays participants',
  source: 'Publié initialement par',
  related: 'Événements liés',
  teachers: 'Enseignants',
  schools: 'Écoles',
  projects: 'Projets',
  students: 'Élèves',
  countries: 'Pays',
  'in-person': 'En présentiel',
  online: 'En ligne',
  hybrid: 'Hybride',
  seminar: 'Séminaire',
  training: 'Formation',
  meeting: 'Réunion',
  webinar: 'Webinaire',
  conference: 'Conférence',
} satisfies Strings
