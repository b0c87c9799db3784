/** Azerbaijani strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Hələ heç nə yoxdur.',
  ics: 'Təqvimə əlavə et',
  register: 'Qeydiyyatdan keç',
  participating: 'İştirakçı ölkələr',
  source: 'İlk dərc edən:',
  related: 'Əlaqəli tədbirlər',
  teachers: 'Müəllimlər',
  schools: 'Məktəblər',
  projects: 'Layihələr',
  students: 'Şagirdlər',
  countries: 'Ölkələr',
  'in-person': 'Əyani',
  online: 'Onlayn',
  hybrid: 'Hibrid',
  seminar: 'Seminar',
  training: 'Təlim',
  meeting: 'Görüş',
  webinar: 'Vebinar',
  conference: 'Konfrans',
} satisfies Strings
