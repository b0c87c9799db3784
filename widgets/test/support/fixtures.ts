import type {
  EventItem,
  EventsResponse,
  NewsArticle,
  NewsItem,
  NewsResponse,
  RichTextBlock,
  StatsCompareResponse,
  StatsHistoryResponse,
  StatsResponse,
} from '@etw/client'
// The CMS's own formatting, so the fixtures' `formatted` values are what the feed sends.
import {
  countryName,
  formatCountryList,
  formatDate,
  formatDateRange,
  formatNumber,
} from '../../../packages/payload-plugin/src/feed/format'

/** Feed API answers built from the seeded demo content. */

const teachersLabel: Record<string, string> = { en: 'Teachers', uk: 'Учителі', az: 'Müəllimlər' }
const schoolsLabel: Record<string, string> = { en: 'Schools', uk: 'Школи', az: 'Məktəblər' }
const projectsLabel: Record<string, string> = { en: 'Projects', uk: 'Проєкти', az: 'Layihələr' }
const label = (labels: Record<string, string>, locale: string) => labels[locale] ?? labels.en!

const source = { title: 'eTwinning Azerbaijan', url: 'https://etwinning.example/az' }

export const stats = (query: URLSearchParams): StatsResponse => {
  const locale = query.get('locale') ?? 'en'
  const country = query.get('country')
  const metrics: {
    key: string
    value: number
    approximate: boolean
    labels: Record<string, string>
    /** The previous snapshot's value, in May 2023. */
    was?: number
  }[] =
    country === 'AZ'
      ? [
          { key: 'teachers', value: 4308, approximate: false, labels: teachersLabel, was: 4180 },
          { key: 'schools', value: 1141, approximate: false, labels: schoolsLabel, was: 1141 },
          { key: 'projects', value: 5103, approximate: false, labels: projectsLabel, was: 4445 },
        ]
      : [
          { key: 'teachers', value: 1_200_000, approximate: true, labels: teachersLabel },
          { key: 'projects', value: 160_000, approximate: true, labels: projectsLabel },
        ]
  const wanted = query.get('metrics')?.split(',')
  return {
    scope: country ? { kind: 'country', country } : { kind: 'programme' },
    locale,
    metrics: metrics
      .filter((metric) => !wanted || wanted.includes(metric.key))
      .map(({ key, value, approximate, labels, was }) => ({
        key,
        label: label(labels, locale),
        value,
        approximate,
        asOf: '2024-09-01',
        source: country ? source : null,
        formatted: { value: formatNumber(locale, value), asOf: formatDate(locale, '2024-09-01') },
        previous:
          was === undefined
            ? null
            : {
                value: was,
                asOf: '2023-05-15',
                formatted: {
                  value: formatNumber(locale, was),
                  asOf: formatDate(locale, '2023-05-15'),
                },
              },
      })),
  }
}

const metricLabels: Record<string, Record<string, string>> = {
  teachers: teachersLabel,
  schools: schoolsLabel,
  projects: projectsLabel,
}

/** AZ's seeded history: 4180 teachers and 4445 projects in May 2023, 4308 and 5103 later. */
const HISTORY: Record<string, [string, number][]> = {
  teachers: [
    ['2023-05-15', 4180],
    ['2025-02-07', 4308],
  ],
  projects: [
    ['2023-05-15', 4445],
    ['2025-02-07', 5103],
  ],
}

export const statsHistory = (query: URLSearchParams): StatsHistoryResponse => {
  const locale = query.get('locale') ?? 'en'
  const key = query.get('metric') ?? 'teachers'
  const country = query.get('country')
  return {
    scope: country ? { kind: 'country', country } : { kind: 'programme' },
    locale,
    metric: { key, label: label(metricLabels[key] ?? { en: key }, locale) },
    points: (country === 'AZ' ? (HISTORY[key] ?? []) : []).map(([asOf, value]) => ({
      asOf,
      value,
      approximate: false,
      source: null,
    })),
  }
}

/** Latest teachers per country, as the CMS compares them. */
const LATEST: Record<string, number> = { AZ: 4308, UA: 32_500, GE: 2100 }

export const statsCompare = (query: URLSearchParams): StatsCompareResponse => {
  const locale = query.get('locale') ?? 'en'
  const key = query.get('metric') ?? 'teachers'
  const codes = (query.get('countries') ?? '').split(',').filter(Boolean)
  return {
    locale,
    metric: { key, label: label(metricLabels[key] ?? { en: key }, locale) },
    countries: codes
      .filter((country) => LATEST[country] !== undefined)
      .map((country) => ({
        country,
        value: LATEST[country]!,
        approximate: false,
        asOf: '2025-02-07',
        source: null,
      }))
      .sort((a, b) => b.value - a.value),
    missing: codes.filter((country) => LATEST[country] === undefined),
  }
}

/**
 * The demo news, its texts in English only: whatever `locale` asks for, each item says its texts
 * came in `en`, as the feed does when it falls back to the default locale.
 */
export const newsItems = (origin: string, locale = 'en'): NewsItem[] => [
  {
    id: 'n1',
    title: 'eTwinning Seminar was held in Baku',
    slug: 'etwinning-seminar-was-held-in-baku',
    summary: 'Teachers from eight countries met in Baku to plan new school projects.',
    publishedAt: '2023-05-15T10:00:00.000Z',
    image: {
      url: `${origin}/media/baku.svg`,
      width: 640,
      height: 360,
      alt: 'Seminar participants in Baku',
      srcset: `${origin}/media/baku-320.svg 320w, ${origin}/media/baku.svg 640w`,
      sizes: '(min-width: 48rem) 48rem, 100vw',
      sources: [
        {
          type: 'image/avif',
          srcset: `${origin}/media/baku-320.avif.svg 320w, ${origin}/media/baku.avif.svg 640w`,
        },
        {
          type: 'image/webp',
          srcset: `${origin}/media/baku-320.webp.svg 320w, ${origin}/media/baku.webp.svg 640w`,
        },
      ],
    },
    organization: { name: 'eTwinning Azerbaijan', slug: 'etwinning-az', country: 'AZ' },
    country: 'AZ',
    tags: ['seminar'],
    link: `${origin}/en/news/etwinning-seminar-was-held-in-baku`,
    source: { title: 'eTwinning Azerbaijan', url: 'https://etwinning.example/az' },
    locale: 'en',
    formatted: { publishedAt: formatDate(locale, '2023-05-15T10:00:00.000Z') },
  },
  {
    id: 'n2',
    title: 'Kamianets-Podilskyi teachers join eTwinning',
    slug: 'kamianets-podilskyi-teachers-join-etwinning',
    summary: null,
    publishedAt: '2024-03-01T09:00:00.000Z',
    image: null,
    organization: {
      name: 'Kamianets-Podilskyi Ivan Ohiienko National University',
      slug: 'k-pnu',
      country: 'UA',
    },
    country: 'UA',
    tags: ['university'],
    link: 'javascript:alert(1)',
    source: null,
    locale: 'en',
    formatted: { publishedAt: formatDate(locale, '2024-03-01T09:00:00.000Z') },
  },
]

export const news = (query: URLSearchParams, origin: string): NewsResponse => {
  const country = query.get('country')
  const q = query.get('q')?.toLowerCase()
  const items = newsItems(origin, query.get('locale') ?? 'en')
    .filter((item) => !country || item.country === country)
    // A search as the CMS answers it, for one word: the items whose title has it, marked.
    .flatMap((item) => {
      if (!q) return [item]
      const start = item.title.toLowerCase().indexOf(q)
      if (start < 0) return []
      const end =
        item.title.indexOf(' ', start) < 0 ? item.title.length : item.title.indexOf(' ', start)
      return [
        {
          ...item,
          highlight: [
            {
              field: 'title' as const,
              ranges: [[start, end] as [number, number]],
              text: item.title,
            },
          ],
        },
      ]
    })
  const limit = Number(query.get('limit') ?? 10)
  return {
    locale: query.get('locale') ?? 'en',
    items: items.slice(0, limit),
    limit,
    page: 1,
    hasNextPage: false,
    nextCursor: null,
  }
}

/** The feed's names of kinds and formats, per locale (as the CMS gives them). */
const eventLabels: Record<string, { seminar: string; 'in-person': string }> = {
  en: { seminar: 'Seminar', 'in-person': 'In person' },
  uk: { seminar: 'Семінар', 'in-person': 'Очно' },
  az: { seminar: 'Seminar', 'in-person': 'Əyani' },
}

export const eventItems = (origin: string, locale = 'en'): EventItem[] => [
  {
    id: 'e1',
    title: 'Innovation and Education',
    slug: 'innovation-and-education',
    summary: 'A contact seminar on innovative teaching.',
    start: '2023-05-15T05:00:00.000Z',
    end: '2023-05-17T14:00:00.000Z',
    timeZone: 'Asia/Baku',
    format: 'in-person',
    formatLabel: (eventLabels[locale] ?? eventLabels.en!)['in-person'],
    kind: 'seminar',
    kindLabel: (eventLabels[locale] ?? eventLabels.en!).seminar,
    venue: null,
    city: 'Baku',
    country: 'AZ',
    participatingCountries: ['AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI'],
    registrationUrl: null,
    registrationDeadline: null,
    image: null,
    organizers: [{ name: 'eTwinning Azerbaijan', slug: 'etwinning-az', country: 'AZ' }],
    icsUrl: `${origin}/api/etw/v1/events.ics?id=e1`,
    link: `${origin}/en/events/innovation-and-education`,
    locale: 'en',
    countryName: countryName(locale, 'AZ'),
    formatted: {
      range: formatDateRange(
        locale,
        '2023-05-15T05:00:00.000Z',
        '2023-05-17T14:00:00.000Z',
        'Asia/Baku',
      ),
      participatingCountries: formatCountryList(locale, ['AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI']),
    },
  },
]

export const events = (query: URLSearchParams, origin: string): EventsResponse => ({
  locale: query.get('locale') ?? 'en',
  when: (query.get('when') as EventsResponse['when']) ?? 'upcoming',
  items: eventItems(origin, query.get('locale') ?? 'en'),
  limit: Number(query.get('limit') ?? 10),
  page: 1,
  hasNextPage: false,
  nextCursor: null,
})

/** The seeded article's body, per locale (`cms/src/seed/data.ts`), as the feed's node tree. */
const seededBody: Record<string, string[]> = {
  en: [
    'The international seminar “Innovation and Education” was held in Baku from 15 to 17 May 2023. It was organized by the Ministry of Science and Education of the Republic of Azerbaijan and its Bureau on ICT for Education.',
    '25 educators from Albania, Bulgaria, the Czech Republic, Finland, Portugal, Slovakia and Slovenia and 28 teachers from 8 regions of Azerbaijan took part in the seminar.',
    'eTwinning in Azerbaijan counts 4,180 teachers, 1,141 schools and 4,445 projects.',
  ],
  uk: [
    'Міжнародний семінар «Інновації та освіта» відбувся в Баку 15–17 травня 2023 року. Його організували Міністерство науки і освіти Азербайджанської Республіки та його Бюро з питань ІКТ в освіті.',
    'У семінарі взяли участь 25 освітян з Албанії, Болгарії, Чехії, Фінляндії, Португалії, Словаччини та Словенії, а також 28 учителів з 8 регіонів Азербайджану.',
    'В Азербайджані eTwinning налічує 4180 учителів, 1141 школу та 4445 проєктів.',
  ],
}

const seededTitle: Record<string, string> = {
  en: 'eTwinning Seminar was held in Baku',
  uk: 'У Баку відбувся семінар eTwinning',
}

/** Every node type of the feed's tree, for layout and accessibility checks. */
export const everyNode: RichTextBlock[] = [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Plain, ' },
      { type: 'text', text: 'bold', bold: true },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'italic', italic: true },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'underlined', underline: true },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'struck', strikethrough: true },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'code', code: true },
      { type: 'text', text: '.' },
      { type: 'linebreak' },
      {
        type: 'link',
        url: 'https://etwinning.example/az',
        newTab: true,
        children: [{ type: 'text', text: 'eTwinning Azerbaijan' }],
      },
    ],
  },
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Programme' }] },
  {
    type: 'list',
    ordered: true,
    items: [
      { children: [{ type: 'text', text: 'Opening' }] },
      {
        children: [
          { type: 'text', text: 'Workshops' },
          {
            type: 'list',
            ordered: false,
            items: [{ children: [{ type: 'text', text: 'Project design' }] }],
          },
        ],
      },
    ],
  },
  { type: 'quote', children: [{ type: 'text', text: 'Schools learn from each other.' }] },
]

/** `GET /api/etw/v1/news/{slug}`: the seeded article, or `undefined` for any other slug. */
export const article = (
  slug: string,
  query: URLSearchParams,
  origin: string,
): NewsArticle | undefined => {
  const [seeded] = newsItems(origin, query.get('locale') ?? 'en')
  if (slug !== seeded!.slug && slug !== 'every-node') return undefined
  const locale = query.get('locale') === 'uk' ? 'uk' : 'en'
  const body: RichTextBlock[] = seededBody[locale]!.map((text) => ({
    type: 'paragraph',
    children: [{ type: 'text', text }],
  }))
  return {
    ...seeded!,
    title: slug === 'every-node' ? 'Every node' : seededTitle[locale]!,
    slug,
    link: `${origin}/${locale}/news/${slug}`,
    locale,
    updatedAt: '2023-05-16T08:00:00.000Z',
    body: slug === 'every-node' ? [...body, ...everyNode] : body,
    relatedEvents: [
      {
        title: 'Innovation and Education',
        slug: 'innovation-and-education',
        start: '2023-05-15T05:00:00.000Z',
        link: `${origin}/${locale}/events/innovation-and-education`,
        formatted: {
          start: formatDate(query.get('locale') ?? 'en', '2023-05-15T05:00:00.000Z', 'Asia/Baku'),
        },
      },
    ],
  }
}
