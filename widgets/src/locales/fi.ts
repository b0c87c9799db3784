/** Finnish strings of every widget (see README.md beside this file). */
import type { Strings } from '../shared/i18n'

export default {
  empty: 'Ei vielä mitään näytettävää.',
  ics: 'Lisää kalenteriin',
  register: 'Ilmoittaudu',
  participating: 'Osallistuvat maat',
  source: 'Alun perin julkaissut',
  related: 'Aiheeseen liittyvät tapahtumat',
  teachers: 'Opettajat',
  schools: 'Koulut',
  projects: 'Projektit',
  students: 'Oppilaat',
  countries: 'Maat',
  'in-person': 'Lähitapahtuma',
  online: 'Verkossa',
  hybrid: 'Hybridi',
  seminar: 'Seminaari',
  training: 'Koulutus',
  meeting: 'Tapaaminen',
  webinar: 'Webinaari',
  conference: 'Konferenssi',
} satisfies Strings
