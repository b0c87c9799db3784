/** Icelandic strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ekkert til að sýna enn.',
  ics: 'Bæta við dagatal',
  register: 'Skrá sig',
  participating: 'Þátttökulönd',
  source: 'Upphaflega birt af',
  related: 'Tengdir viðburðir',
  teachers: 'Kennarar',
  schools: 'Skólar',
  projects: 'Verkefni',
  students: 'Nemendur',
  countries: 'Lönd',
  'in-person': 'Á staðnum',
  online: 'Á netinu',
  hybrid: 'Blandað',
  seminar: 'Málstofa',
  training: 'Þjálfun',
  meeting: 'Fundur',
  webinar: 'Vefmálstofa',
  conference: 'Ráðstefna',
} satisfies Strings
