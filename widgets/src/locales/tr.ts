/** Turkish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Henüz gösterilecek bir şey yok.',
  ics: 'Takvime ekle',
  register: 'Kaydol',
  participating: 'Katılımcı ülkeler',
  source: 'İlk yayımlayan:',
  related: 'İlgili etkinlikler',
  teachers: 'Öğretmenler',
  schools: 'Okullar',
  projects: 'Projeler',
  students: 'Öğrenciler',
  countries: 'Ülkeler',
  'in-person': 'Yüz yüze',
  online: 'Çevrim içi',
  hybrid: 'Karma',
  seminar: 'Seminer',
  training: 'Eğitim',
  meeting: 'Toplantı',
  webinar: 'Web semineri',
  conference: 'Konferans',
} satisfies Strings
