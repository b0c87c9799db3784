/** Portuguese strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ainda não há nada para mostrar.',
  ics: 'Adicionar ao calendário',
  register: 'Inscrever-se',
  participating: 'Países participantes',
  source: 'Publicado originalmente por',
  related: 'Eventos relacionados',
  teachers: 'Professores',
  schools: 'Escolas',
  projects: 'Projetos',
  students: 'Alunos',
  countries: 'Países',
  'in-person': 'Presencial',
  online: 'Online',
  hybrid: 'Híbrido',
  seminar: 'Seminário',
  training: 'Formação',
  meeting: 'Reunião',
  webinar: 'Webinar',
  conference: 'Conferência',
} satisfies Strings
