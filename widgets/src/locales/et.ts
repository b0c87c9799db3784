/** Estonian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Veel pole midagi näidata.',
  ics: 'Lisa kalendrisse',
  register: 'Registreeru',
  participating: 'Osalevad riigid',
  source: 'Algselt avaldanud',
  related: 'Seotud üritused',
  teachers: 'Õpetajad',
  schools: 'Koolid',
  projects: 'Projektid',
  students: 'Õpilased',
  countries: 'Riigid',
  'in-person': 'Kohapeal',
  online: 'Veebis',
  hybrid: 'Hübriid',
  seminar: 'Seminar',
  training: 'Koolitus',
  meeting: 'Kohtumine',
  webinar: 'Veebiseminar',
  conference: 'Konverents',
} satisfies Strings
