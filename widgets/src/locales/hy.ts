/** Armenian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Դեռ ցուցադրելու ոչինչ չկա։',
  ics: 'Ավելացնել օրացույցում',
  register: 'Գրանցվել',
  participating: 'Մասնակից երկրներ',
  source: 'Սկզբնապես հրապարակել է՝',
  related: 'Առնչվող միջոցառումներ',
  teachers: 'Ուսուցիչներ',
  schools: 'Դպրոցներ',
  projects: 'Նախագծեր',
  students: 'Աշակերտներ',
  countries: 'Երկրներ',
  'in-person': 'Առկա',
  online: 'Առցանց',
  hybrid: 'Հիբրիդային',
  seminar: 'Սեմինար',
  training: 'Վերապատրաստում',
  meeting: 'Հանդիպում',
  webinar: 'Վեբինար',
  conference: 'Համաժողով',
} satisfies Strings
