/** Maltese strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Għad m’hemm xejn x’jintwera.',
  ics: 'Żid mal-kalendarju',
  register: 'Irreġistra',
  participating: 'Pajjiżi parteċipanti',
  source: 'Ippubblikat oriġinarjament minn',
  related: 'Avvenimenti relatati',
  teachers: 'Għalliema',
  schools: 'Skejjel',
  projects: 'Proġetti',
  students: 'Studenti',
  countries: 'Pajjiżi',
  'in-person': 'Fiżikament',
  online: 'Online',
  hybrid: 'Ibridu',
  seminar: 'Seminar',
  training: 'Taħriġ',
  meeting: 'Laqgħa',
  webinar: 'Webinar',
  conference: 'Konferenza',
} satisfies Strings
