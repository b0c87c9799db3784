import type { EventItem, EventsResponse, NewsItem, NewsResponse, StatsResponse } from '@etw/client'

/** Feed API answers built from the seeded demo content. */

const teachersLabel: Record<string, string> = { en: 'Teachers', uk: 'Вчителі', az: 'Müəllimlər' }
const schoolsLabel: Record<string, string> = { en: 'Schools', uk: 'Школи', az: 'Məktəblər' }
const projectsLabel: Record<string, string> = { en: 'Projects', uk: 'Проєкти', az: 'Layihələr' }
const label = (labels: Record<string, string>, locale: string) => labels[locale] ?? labels.en!

const source = { title: 'eTwinning Azerbaijan', url: 'https://etwinning.example/az' }

export const stats = (query: URLSearchParams): StatsResponse => {
  const locale = query.get('locale') ?? 'en'
  const country = query.get('country')
  const metrics =
    country === 'AZ'
      ? [
          { key: 'teachers', value: 4308, approximate: false, labels: teachersLabel },
          { key: 'schools', value: 1141, approximate: false, labels: schoolsLabel },
          { key: 'projects', value: 5103, approximate: false, labels: projectsLabel },
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
      .map(({ key, value, approximate, labels }) => ({
        key,
        label: label(labels, locale),
        value,
        approximate,
        asOf: '2024-09-01',
        source: country ? source : null,
      })),
  }
}

export const newsItems = (origin: string): NewsItem[] => [
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
  },
]

export const news = (query: URLSearchParams, origin: string): NewsResponse => {
  const country = query.get('country')
  const items = newsItems(origin).filter((item) => !country || item.country === country)
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
