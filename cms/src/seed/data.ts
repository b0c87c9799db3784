/**
 * The demo content: two news items, one event, statistics snapshots and the organizations they
 * mention, taken from the project's seed documents. Every item has a stable key (`slug`, or
 * metric + scope + `asOf` for statistics) that the seed uses to find what already exists.
 */

/** Locales other than English that the demo content is translated into. */
export type TranslationLocale = 'uk' | 'az'

/** English text, plus the translations that exist; missing locales fall back to English. */
export type Translations<T> = { en: T } & Partial<Record<TranslationLocale, T>>

/** The ISO 3166-1 alpha-2 codes the demo content uses. */
export type SeedCountry = 'AL' | 'AZ' | 'BG' | 'CZ' | 'FI' | 'PT' | 'SI' | 'SK' | 'UA'

export interface SeedCover {
  /** Base of the file name (`<key>.png`) and the key that finds the upload again. */
  key: string
  /** The text drawn on the cover. */
  text: string
  /** CSS colour of the background. */
  background: string
  alt: Translations<string>
}

export interface SeedOrganization {
  slug: string
  shortName: string
  name: Translations<string>
  kind: 'centre' | 'ministry' | 'school' | 'support-service' | 'university'
  country: SeedCountry
  city?: Translations<string>
  website?: string
}

export interface SeedNews {
  slug: string
  title: Translations<string>
  summary: Translations<string>
  /** Paragraphs of the body, per locale. */
  body: Translations<readonly string[]>
  /** ISO 8601 instant. */
  publishedAt: string
  /** Slug of an organization in {@link organizations}. */
  organization?: string
  country: SeedCountry
  tags: readonly string[]
  /** Slugs of events in {@link events}. */
  relatedEvents?: readonly string[]
  /** Key of a cover in {@link covers}. */
  cover?: string
}

export interface SeedEvent {
  slug: string
  title: Translations<string>
  summary: Translations<string>
  description: Translations<readonly string[]>
  /** ISO 8601 instant (UTC). */
  startsAt: string
  /** ISO 8601 instant (UTC). */
  endsAt: string
  /** IANA time zone the event happens in. */
  timeZone: string
  format: 'hybrid' | 'in-person' | 'online'
  kind: 'conference' | 'meeting' | 'seminar' | 'training' | 'webinar'
  city?: Translations<string>
  country: SeedCountry
  participatingCountries: readonly SeedCountry[]
  participantGroups: readonly { count: number; label: Translations<string> }[]
  /** Slugs of organizations in {@link organizations}. */
  organizers: readonly string[]
  /** Slugs of news in {@link news}; linked once the news exist. */
  relatedNews: readonly string[]
  /** Key of a cover in {@link covers}. */
  cover?: string
}

export interface SeedStatistic {
  metric: 'countries' | 'projects' | 'schools' | 'students' | 'teachers'
  value: number
  approximate?: boolean
  /** Calendar day, `YYYY-MM-DD`. */
  asOf: string
  scope: 'country' | 'programme'
  country?: SeedCountry
  source?: { title: string; url?: string }
}

export const covers: readonly SeedCover[] = [
  {
    key: 'etw-demo-cover-k-pnu',
    text: 'K-PNU',
    background: '#1f4e8c',
    alt: {
      en: 'Demo cover: the letters “K-PNU” in white on a blue background',
      uk: 'Демонстраційна обкладинка: літери «K-PNU» білим на синьому тлі',
      az: 'Demo üz qabığı: mavi fonda ağ rəngli “K-PNU” hərfləri',
    },
  },
  {
    key: 'etw-demo-cover-mse-azerbaijan',
    text: 'MSE Azerbaijan',
    background: '#0f6e63',
    alt: {
      en: 'Demo cover: the words “MSE Azerbaijan” in white on a green background',
      uk: 'Демонстраційна обкладинка: слова «MSE Azerbaijan» білим на зеленому тлі',
      az: 'Demo üz qabığı: yaşıl fonda ağ rəngli “MSE Azerbaijan” sözləri',
    },
  },
]

export const organizations: readonly SeedOrganization[] = [
  {
    slug: 'k-pnu',
    shortName: 'K-PNU',
    name: {
      en: 'Kamianets-Podilskyi National University, Office for International Cooperation',
      uk: 'Кам’янець-Подільський національний університет, Відділ міжнародного співробітництва',
    },
    kind: 'university',
    country: 'UA',
    city: { en: 'Kamianets-Podilskyi', uk: 'Кам’янець-Подільський' },
    website: 'https://kpnu.edu.ua',
  },
  {
    slug: 'cpde-kamianets-podilskyi',
    shortName: 'CPDE Kamianets-Podilskyi',
    name: {
      en: 'Center for Professional Development of Educators of Kamianets-Podilskyi City Council',
      uk: 'Центр професійного розвитку педагогічних працівників Кам’янець-Подільської міської ради',
    },
    kind: 'centre',
    country: 'UA',
    city: { en: 'Kamianets-Podilskyi', uk: 'Кам’янець-Подільський' },
  },
  {
    slug: 'mse-azerbaijan',
    shortName: 'MSE Azerbaijan',
    name: {
      en: 'Ministry of Science and Education of the Republic of Azerbaijan',
      az: 'Azərbaycan Respublikasının Elm və Təhsil Nazirliyi',
      uk: 'Міністерство науки і освіти Азербайджанської Республіки',
    },
    kind: 'ministry',
    country: 'AZ',
    website: 'https://edu.gov.az',
  },
  {
    slug: 'ict-bureau',
    shortName: 'ICT Bureau',
    name: {
      en: 'Bureau on ICT for Education',
      az: 'Təhsildə İKT üzrə Büro',
      uk: 'Бюро з питань ІКТ в освіті',
    },
    kind: 'centre',
    country: 'AZ',
  },
  {
    slug: 'etwinning-ukraine',
    shortName: 'eTwinning Ukraine',
    name: {
      en: 'eTwinning Ukraine national support service',
      uk: 'Національна служба підтримки eTwinning в Україні',
    },
    kind: 'support-service',
    country: 'UA',
    website: 'https://etwinning.org.ua',
  },
]

const BAKU_SEMINAR_NEWS = 'etwinning-seminar-baku-2023'
const BAKU_SEMINAR_EVENT = 'innovation-and-education-baku-2023'

export const events: readonly SeedEvent[] = [
  {
    slug: BAKU_SEMINAR_EVENT,
    title: {
      en: 'International seminar “Innovation and Education”',
      az: '“İnnovasiya və Təhsil” beynəlxalq seminarı',
      uk: 'Міжнародний семінар «Інновації та освіта»',
    },
    summary: {
      en: 'An international eTwinning seminar in Baku for educators from Albania, Bulgaria, the Czech Republic, Finland, Portugal, Slovakia and Slovenia and teachers from 8 regions of Azerbaijan.',
      az: 'Bakıda Albaniya, Bolqarıstan, Çexiya, Finlandiya, Portuqaliya, Slovakiya və Sloveniyadan olan pedaqoqlar, həmçinin Azərbaycanın 8 regionundan olan müəllimlər üçün beynəlxalq eTwinning seminarı.',
      uk: 'Міжнародний семінар eTwinning у Баку для освітян з Албанії, Болгарії, Чехії, Фінляндії, Португалії, Словаччини та Словенії і вчителів з 8 регіонів Азербайджану.',
    },
    description: {
      en: [
        'The international seminar “Innovation and Education” takes place in Baku from 15 to 17 May 2023. It is organized by the Ministry of Science and Education of the Republic of Azerbaijan and its Bureau on ICT for Education.',
        'Participants: 25 educators from Albania, Bulgaria, the Czech Republic, Finland, Portugal, Slovakia and Slovenia, and 28 teachers from 8 regions of Azerbaijan.',
      ],
      az: [
        '“İnnovasiya və Təhsil” beynəlxalq seminarı 15–17 may 2023-cü il tarixlərində Bakıda keçirilir. Seminarın təşkilatçıları Azərbaycan Respublikasının Elm və Təhsil Nazirliyi və onun Təhsildə İKT üzrə Bürosudur.',
        'İştirakçılar: Albaniya, Bolqarıstan, Çexiya, Finlandiya, Portuqaliya, Slovakiya və Sloveniyadan 25 pedaqoq, həmçinin Azərbaycanın 8 regionundan 28 müəllim.',
      ],
      uk: [
        'Міжнародний семінар «Інновації та освіта» проходить у Баку 15–17 травня 2023 року. Його організатори — Міністерство науки і освіти Азербайджанської Республіки та його Бюро з питань ІКТ в освіті.',
        'Учасники: 25 освітян з Албанії, Болгарії, Чехії, Фінляндії, Португалії, Словаччини та Словенії і 28 учителів з 8 регіонів Азербайджану.',
      ],
    },
    // 09:00 on 15 May to 18:00 on 17 May in Baku, which is UTC+4 all year (no daylight saving).
    startsAt: '2023-05-15T05:00:00.000Z',
    endsAt: '2023-05-17T14:00:00.000Z',
    timeZone: 'Asia/Baku',
    format: 'in-person',
    kind: 'seminar',
    city: { en: 'Baku', az: 'Bakı', uk: 'Баку' },
    country: 'AZ',
    participatingCountries: ['AZ', 'AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI'],
    participantGroups: [
      {
        count: 25,
        label: {
          en: 'educators from Albania, Bulgaria, the Czech Republic, Finland, Portugal, Slovakia and Slovenia',
          az: 'Albaniya, Bolqarıstan, Çexiya, Finlandiya, Portuqaliya, Slovakiya və Sloveniyadan pedaqoqlar',
          uk: 'освітяни з Албанії, Болгарії, Чехії, Фінляндії, Португалії, Словаччини та Словенії',
        },
      },
      {
        count: 28,
        label: {
          en: 'teachers from 8 regions of Azerbaijan',
          az: 'Azərbaycanın 8 regionundan müəllimlər',
          uk: 'учителі з 8 регіонів Азербайджану',
        },
      },
    ],
    organizers: ['mse-azerbaijan', 'ict-bureau'],
    relatedNews: [BAKU_SEMINAR_NEWS],
    cover: 'etw-demo-cover-mse-azerbaijan',
  },
]

export const news: readonly SeedNews[] = [
  {
    slug: 'etwinning-meeting-kamianets-podilskyi-2025',
    title: {
      en: 'Discussion on eTwinning at a meeting with the Director of the Center for Professional Development of Educators of Kamianets-Podilskyi City Council',
      uk: 'Обговорення eTwinning на зустрічі з директором Центру професійного розвитку педагогічних працівників Кам’янець-Подільської міської ради',
    },
    summary: {
      en: 'eTwinning was discussed at a meeting with the Director of the Center for Professional Development of Educators of Kamianets-Podilskyi City Council.',
      uk: 'eTwinning обговорили на зустрічі з директором Центру професійного розвитку педагогічних працівників Кам’янець-Подільської міської ради.',
    },
    body: {
      en: [
        'On 7 February 2025, eTwinning was discussed at a meeting with the Director of the Center for Professional Development of Educators of Kamianets-Podilskyi City Council.',
        'The news comes from the Office for International Cooperation of Kamianets-Podilskyi National University (K-PNU) in Kamianets-Podilskyi, Ukraine.',
        'According to eTwinning Ukraine, the eTwinning community counts about 1,200,000 teachers and about 295,000 schools in 46 countries, with over 160,000 projects.',
      ],
      uk: [
        '7 лютого 2025 року на зустрічі з директором Центру професійного розвитку педагогічних працівників Кам’янець-Подільської міської ради обговорили eTwinning.',
        'Про це повідомляє Відділ міжнародного співробітництва Кам’янець-Подільського національного університету (K-PNU).',
        'За даними eTwinning Україна, спільнота eTwinning налічує близько 1 200 000 учителів і близько 295 000 шкіл у 46 країнах, а кількість проєктів перевищує 160 000.',
      ],
    },
    // The source gives the day only; noon UTC keeps that day in every European time zone.
    publishedAt: '2025-02-07T12:00:00.000Z',
    organization: 'k-pnu',
    country: 'UA',
    tags: ['etwinning', 'professional-development'],
    cover: 'etw-demo-cover-k-pnu',
  },
  {
    slug: BAKU_SEMINAR_NEWS,
    title: {
      en: 'eTwinning Seminar was held in Baku',
      az: 'Bakıda eTwinning seminarı keçirildi',
      uk: 'У Баку відбувся семінар eTwinning',
    },
    summary: {
      en: 'The international seminar “Innovation and Education” brought 25 educators from seven countries and 28 teachers from 8 regions of Azerbaijan to Baku on 15–17 May 2023.',
      az: '15–17 may 2023-cü il tarixlərində Bakıda keçirilən “İnnovasiya və Təhsil” beynəlxalq seminarında yeddi ölkədən 25 pedaqoq və Azərbaycanın 8 regionundan 28 müəllim iştirak edib.',
      uk: 'У міжнародному семінарі «Інновації та освіта» в Баку 15–17 травня 2023 року взяли участь 25 освітян із семи країн і 28 учителів з 8 регіонів Азербайджану.',
    },
    body: {
      en: [
        'The international seminar “Innovation and Education” was held in Baku from 15 to 17 May 2023. It was organized by the Ministry of Science and Education of the Republic of Azerbaijan and its Bureau on ICT for Education.',
        '25 educators from Albania, Bulgaria, the Czech Republic, Finland, Portugal, Slovakia and Slovenia and 28 teachers from 8 regions of Azerbaijan took part in the seminar.',
        'eTwinning in Azerbaijan counts 4,180 teachers, 1,141 schools and 4,445 projects.',
      ],
      az: [
        '“İnnovasiya və Təhsil” beynəlxalq seminarı 15–17 may 2023-cü il tarixlərində Bakıda keçirilib. Seminarı Azərbaycan Respublikasının Elm və Təhsil Nazirliyi və onun Təhsildə İKT üzrə Bürosu təşkil edib.',
        'Seminarda Albaniya, Bolqarıstan, Çexiya, Finlandiya, Portuqaliya, Slovakiya və Sloveniyadan 25 pedaqoq, həmçinin Azərbaycanın 8 regionundan 28 müəllim iştirak edib.',
        'Azərbaycanda eTwinning üzrə 4180 müəllim, 1141 məktəb və 4445 layihə var.',
      ],
      uk: [
        'Міжнародний семінар «Інновації та освіта» відбувся в Баку 15–17 травня 2023 року. Його організували Міністерство науки і освіти Азербайджанської Республіки та його Бюро з питань ІКТ в освіті.',
        'У семінарі взяли участь 25 освітян з Албанії, Болгарії, Чехії, Фінляндії, Португалії, Словаччини та Словенії, а також 28 учителів з 8 регіонів Азербайджану.',
        'В Азербайджані eTwinning налічує 4180 учителів, 1141 школу та 4445 проєктів.',
      ],
    },
    // The source gives the day only; noon UTC keeps that day in every European time zone.
    publishedAt: '2023-05-15T12:00:00.000Z',
    country: 'AZ',
    tags: ['etwinning', 'seminar', 'azerbaijan'],
    relatedEvents: [BAKU_SEMINAR_EVENT],
    cover: 'etw-demo-cover-mse-azerbaijan',
  },
]

const ETWINNING_UKRAINE_ABOUT = {
  title: 'eTwinning Ukraine — About',
  url: 'https://etwinning.org.ua/about',
}

const BAKU_SEMINAR_SOURCE = { title: 'eTwinning Seminar was held in Baku' }

export const statistics: readonly SeedStatistic[] = [
  {
    metric: 'teachers',
    value: 1_200_000,
    approximate: true,
    asOf: '2025-01-01',
    scope: 'programme',
    source: ETWINNING_UKRAINE_ABOUT,
  },
  {
    metric: 'schools',
    value: 295_000,
    approximate: true,
    asOf: '2025-01-01',
    scope: 'programme',
    source: ETWINNING_UKRAINE_ABOUT,
  },
  {
    metric: 'countries',
    value: 46,
    asOf: '2025-01-01',
    scope: 'programme',
    source: ETWINNING_UKRAINE_ABOUT,
  },
  {
    // "over 160,000"
    metric: 'projects',
    value: 160_000,
    approximate: true,
    asOf: '2025-01-01',
    scope: 'programme',
    source: ETWINNING_UKRAINE_ABOUT,
  },
  {
    metric: 'students',
    value: 3_000_000,
    approximate: true,
    asOf: '2025-01-01',
    scope: 'programme',
    source: ETWINNING_UKRAINE_ABOUT,
  },
  {
    metric: 'teachers',
    value: 4180,
    asOf: '2023-05-15',
    scope: 'country',
    country: 'AZ',
    source: BAKU_SEMINAR_SOURCE,
  },
  {
    metric: 'schools',
    value: 1141,
    asOf: '2023-05-15',
    scope: 'country',
    country: 'AZ',
    source: BAKU_SEMINAR_SOURCE,
  },
  {
    metric: 'projects',
    value: 4445,
    asOf: '2023-05-15',
    scope: 'country',
    country: 'AZ',
    source: BAKU_SEMINAR_SOURCE,
  },
  // The seed documents give no exact date for these later Azerbaijani figures; the demo records
  // them on 7 February 2025, the date of the most recent seed news item.
  {
    metric: 'teachers',
    value: 4308,
    asOf: '2025-02-07',
    scope: 'country',
    country: 'AZ',
  },
  {
    metric: 'schools',
    value: 1141,
    asOf: '2025-02-07',
    scope: 'country',
    country: 'AZ',
  },
  {
    metric: 'projects',
    value: 5103,
    asOf: '2025-02-07',
    scope: 'country',
    country: 'AZ',
  },
]
