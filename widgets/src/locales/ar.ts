/** Arabic strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'لا يوجد شيء لعرضه بعد.',
  ics: 'إضافة إلى التقويم',
  register: 'التسجيل',
  participating: 'الدول المشاركة',
  source: 'نُشر أولًا بواسطة',
  related: 'فعاليات ذات صلة',
  teachers: 'المعلمون',
  schools: 'المدارس',
  projects: 'المشاريع',
  students: 'الطلاب',
  countries: 'الدول',
  'in-person': 'حضوريًا',
  online: 'عبر الإنترنت',
  hybrid: 'هجين',
  seminar: 'ندوة',
  training: 'تدريب',
  meeting: 'اجتماع',
  webinar: 'ندوة عبر الإنترنت',
  conference: 'مؤتمر',
} satisfies Strings
