/** Spanish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Todavía no hay nada que mostrar.',
  ics: 'Añadir al calendario',
  register: 'Inscribirse',
  participating: 'Países participantes',
  source: 'Publicado originalmente por',
  related: 'Eventos relacionados',
  teachers: 'Docentes',
  schools: 'Centros educativos',
  projects: 'Proyectos',
  students: 'Estudiantes',
  countries: 'Países',
  'in-person': 'Presencial',
  online: 'En línea',
  hybrid: 'Híbrido',
  seminar: 'Seminario',
  training: 'Formación',
  meeting: 'Reunión',
  webinar: 'Seminario web',
  conference: 'Conferencia',
} satisfies Strings
