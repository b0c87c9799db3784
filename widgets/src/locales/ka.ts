/** Georgian strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'ჯერ საჩვენებელი არაფერია.',
  ics: 'კალენდარში დამატება',
  register: 'რეგისტრაცია',
  participating: 'მონაწილე ქვეყნები',
  source: 'თავდაპირველად გამოაქვეყნა:',
  related: 'დაკავშირებული ღონისძიებები',
  teachers: 'მასწავლებლები',
  schools: 'სკოლები',
  projects: 'პროექტები',
  students: 'მოსწავლეები',
  countries: 'ქვეყნები',
  'in-person': 'პირისპირ',
  online: 'ონლაინ',
  hybrid: 'ჰიბრიდული',
  seminar: 'სემინარი',
  training: 'ტრენინგი',
  meeting: 'შეხვედრა',
  webinar: 'ვებინარი',
  conference: 'კონფერენცია',
} satisfies Strings
