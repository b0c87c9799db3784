/** Polish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Na razie nic tu nie ma.',
  ics: 'Dodaj do kalendarza',
  register: 'Zarejestruj się',
  participating: 'Kraje uczestniczące',
  source: 'Pierwotnie opublikowane przez',
  related: 'Powiązane wydarzenia',
  teachers: 'Nauczyciele',
  schools: 'Szkoły',
  projects: 'Projekty',
  students: 'Uczniowie',
  countries: 'Kraje',
  'in-person': 'Stacjonarnie',
  online: 'Online',
  hybrid: 'Hybrydowo',
  seminar: 'Seminarium',
  training: 'Szkolenie',
  meeting: 'Spotkanie',
  webinar: 'Webinarium',
  conference: 'Konferencja',
} satisfies Strings
