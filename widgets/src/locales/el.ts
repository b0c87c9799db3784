/** Greek strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Δεν υπάρχει ακόμη τίποτα για εμφάνιση.',
  ics: 'Προσθήκη στο ημερολόγιο',
  register: 'Εγγραφή',
  participating: 'Συμμετέχουσες χώρες',
  source: 'Αρχική δημοσίευση από',
  related: 'Σχετικές εκδηλώσεις',
  teachers: 'Εκπαιδευτικοί',
  schools: 'Σχολεία',
  projects: 'Έργα',
  students: 'Μαθητές',
  countries: 'Χώρες',
  'in-person': 'Δια ζώσης',
  online: 'Διαδικτυακά',
  hybrid: 'Υβριδικά',
  seminar: 'Σεμινάριο',
  training: 'Κατάρτιση',
  meeting: 'Συνάντηση',
  webinar: 'Διαδικτυακό σεμινάριο',
  conference: 'Συνέδριο',
} satisfies Strings
