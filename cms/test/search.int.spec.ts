import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IndexedDoc, SearchStore } from '@etw/payload-plugin'
import {
  ensureSearchIndex,
  reindexSearch,
  SEARCH_CANDIDATES,
  searchIds,
  SQLITE_SEARCH_PREFIXES,
  searchStore,
} from '@etw/payload-plugin'

import { paragraphs } from '../src/seed/lexical'
import { callFeed } from './helpers/feed'
import type { IntContext } from './helpers/payload'
import { bootPayload, databaseProbe, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

const V1 = '/api/etw/v1'

type Locale = 'az' | 'en' | 'uk'

interface NewsSeed {
  key: string
  locale: Locale
  title: string
  summary?: string
  body?: string
  publishedAt: string
}

// One suite for every database: the same queries must give the same answers on SQLite and
// PostgreSQL (the index folds texts in JavaScript before either database sees them).
describeDb('search', () => {
  let ctx: IntContext
  let payload: Payload
  let editor: TestUser
  const ids: Record<string, string> = {}

  const news = async ({ body, key, locale, publishedAt, summary, title }: NewsSeed) => {
    const doc = await payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        body: body ? (paragraphs(body) as never) : undefined,
        publishedAt,
        summary,
        title,
      },
      locale,
      overrideAccess: true,
    })
    ids[key] = String(doc.id)
  }

  /** Ids of the news the feed finds for `q` in `locale`, in its order. */
  const feedIds = async (q: string, locale: Locale = 'en', extra = '') => {
    const result = await callFeed(
      payload,
      `${V1}/news?locale=${locale}&limit=20&q=${encodeURIComponent(q)}${extra}`,
    )
    expect(result.status, result.text).toBe(200)
    return (result.json.items as { id: string }[]).map((item) => item.id)
  }

  beforeAll(async () => {
    ctx = await bootPayload()
    payload = ctx.payload
    editor = await createTestUser(payload, 'editor')
    const seeds: NewsSeed[] = [
      {
        key: 'baku',
        locale: 'uk',
        publishedAt: '2025-04-01T09:00:00.000Z',
        title: 'Семінар у Баку для вчителів',
      },
      {
        key: 'baki',
        locale: 'az',
        publishedAt: '2025-04-02T09:00:00.000Z',
        title: 'Bakı şəhərində eTwinning seminarı',
      },
      {
        key: 'kyiv',
        locale: 'uk',
        publishedAt: '2025-04-03T09:00:00.000Z',
        title: 'Київ приймає конференцію',
      },
      {
        key: 'kamianets',
        locale: 'uk',
        publishedAt: '2025-04-04T09:00:00.000Z',
        title: 'Кам’янець-Подільський університет долучився',
      },
      {
        key: 'athens',
        locale: 'en',
        publishedAt: '2025-04-05T09:00:00.000Z',
        title: 'Teachers meet in ΑΘΉΝΑ',
      },
      {
        key: 'tbilisi',
        locale: 'en',
        publishedAt: '2025-04-06T09:00:00.000Z',
        title: 'A school in თბილისი joins',
      },
      {
        key: 'yerevan',
        locale: 'en',
        publishedAt: '2025-04-07T09:00:00.000Z',
        title: 'Partners from ԵՐԵՎԱՆ',
      },
      {
        key: 'arabic',
        locale: 'en',
        publishedAt: '2025-04-08T09:00:00.000Z',
        title: 'A visit to the مَدْرَسَة',
      },
      {
        key: 'accents',
        locale: 'en',
        publishedAt: '2025-04-09T09:00:00.000Z',
        title: 'Café São Paulo and Ærøskøbing',
      },
      // Ranking: the word in the title outranks the same word in the body of a newer item.
      {
        key: 'inTitle',
        locale: 'en',
        publishedAt: '2025-01-01T09:00:00.000Z',
        title: 'Robotics week',
      },
      {
        key: 'inBody',
        locale: 'en',
        publishedAt: '2025-05-01T09:00:00.000Z',
        title: 'Spring projects',
        body: 'Schools built robotics kits together.',
      },
      {
        key: 'inSummary',
        locale: 'en',
        publishedAt: '2025-03-01T09:00:00.000Z',
        title: 'Coding clubs',
        summary: 'Robotics for beginners.',
      },
      // Every word in the title outranks one word in the title and one in the body of a newer item.
      {
        key: 'bothInTitle',
        locale: 'en',
        publishedAt: '2024-02-01T09:00:00.000Z',
        title: 'Fenland heron count',
      },
      {
        key: 'oneInBody',
        locale: 'en',
        publishedAt: '2024-08-01T09:00:00.000Z',
        title: 'Fenland walk',
        body: 'A heron nests by the school.',
      },
      // Recency breaks ties between equally relevant items.
      {
        key: 'older',
        locale: 'en',
        publishedAt: '2024-01-01T09:00:00.000Z',
        title: 'Quillwort gathering',
      },
      {
        key: 'newer',
        locale: 'en',
        publishedAt: '2024-06-01T09:00:00.000Z',
        title: 'Quillwort gathering',
      },
    ]
    for (const seed of seeds) await news(seed)
    // Drafts: a news item never published, and a published one with a draft on top.
    const draft = await payload.create({
      collection: 'news',
      data: { _status: 'draft', title: 'Zephyrine secret plan' },
      draft: true,
      overrideAccess: true,
    })
    ids.draft = String(draft.id)
    await news({
      key: 'revised',
      locale: 'en',
      publishedAt: '2025-02-01T09:00:00.000Z',
      title: 'Marigold festival',
    })
    await payload.update({
      collection: 'news',
      data: { title: 'Marigold festival and the quokka surprise' },
      draft: true,
      id: ids.revised!,
      overrideAccess: true,
    })
    const event = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        endsAt: '2099-05-15T12:00:00.000Z',
        format: 'online',
        kind: 'webinar',
        startsAt: '2099-05-15T10:00:00.000Z',
        summary: 'Для вчителів з усієї України',
        timeZone: 'Europe/Kyiv',
        title: 'Вебінар у Львові',
      },
      locale: 'uk',
      overrideAccess: true,
    })
    ids.event = String(event.id)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should find Cyrillic text in any case: баку and БАКУ find Баку', async () => {
    expect(await feedIds('баку', 'uk')).toContain(ids.baku)
    expect(await feedIds('БАКУ', 'uk')).toContain(ids.baku)
  })

  it('should fold Azerbaijani dotless and dotted i: BAKI, baki and bakı find Bakı', async () => {
    for (const q of ['BAKI', 'baki', 'bakı', 'ŞƏHƏRINDƏ'])
      expect(await feedIds(q, 'az')).toContain(ids.baki)
  })

  it('should find Cyrillic text from its Latin transliteration: kyiv, kamianets', async () => {
    expect(await feedIds('kyiv', 'uk')).toEqual([ids.kyiv])
    expect(await feedIds('kamianets', 'uk')).toEqual([ids.kamianets])
    expect(await feedIds('Кам’янець', 'uk')).toEqual([ids.kamianets])
    expect(await feedIds("кам'янець подільський", 'uk')).toEqual([ids.kamianets])
  })

  it('should match the start of words: семін finds Семінар', async () => {
    expect(await feedIds('семін', 'uk')).toContain(ids.baku)
    expect(await feedIds('конфер киї', 'uk')).toEqual([ids.kyiv])
  })

  it('should fold Greek, Georgian, Armenian, Arabic and accented Latin', async () => {
    expect(await feedIds('αθηνα')).toEqual([ids.athens])
    expect(await feedIds('თბილ')).toEqual([ids.tbilisi])
    expect(await feedIds('երեվ')).toEqual([ids.yerevan])
    expect(await feedIds('مدرسة')).toEqual([ids.arabic])
    expect(await feedIds('cafe sao')).toEqual([ids.accents])
    expect(await feedIds('CAFÉ')).toEqual([ids.accents])
  })

  it('should rank a match in the title above the summary, and the summary above the body', async () => {
    expect(await feedIds('robotics')).toEqual([ids.inTitle, ids.inSummary, ids.inBody])
  })

  it('should weigh each word of the query by where it is found', async () => {
    expect(await feedIds('fenland heron')).toEqual([ids.bothInTitle, ids.oneInBody])
  })

  it('should order equally relevant items newest first', async () => {
    expect(await feedIds('quillwort')).toEqual([ids.newer, ids.older])
  })

  it('should require every word of the query', async () => {
    expect(await feedIds('robotics week')).toEqual([ids.inTitle])
    expect(await feedIds('robotics nonexistentword')).toEqual([])
  })

  it('should give each found item a highlight of plain text with the matched ranges', async () => {
    const result = await callFeed(payload, `${V1}/news?locale=uk&q=kyiv`)
    const [item] = result.json.items
    expect(item.highlight).toEqual([
      { field: 'title', ranges: [[0, 4]], text: 'Київ приймає конференцію' },
    ])
    const body = await callFeed(payload, `${V1}/news?locale=en&q=kits`)
    expect(body.json.items[0].highlight).toEqual([
      { field: 'body', ranges: [[23, 27]], text: 'Schools built robotics kits together.' },
    ])
  })

  it('should keep the other filters and page through the matches', async () => {
    const first = await callFeed(payload, `${V1}/news?locale=en&q=robotics&limit=2`)
    expect(first.json.items.map((item: { id: string }) => item.id)).toEqual([
      ids.inTitle,
      ids.inSummary,
    ])
    expect(first.json.hasNextPage).toBe(true)
    expect(first.json.nextCursor).toBeNull()
    const second = await callFeed(payload, `${V1}/news?locale=en&q=robotics&limit=2&page=2`)
    expect(second.json.items.map((item: { id: string }) => item.id)).toEqual([ids.inBody])
    expect(second.json.hasNextPage).toBe(false)
    expect(await feedIds('robotics', 'en', '&country=AZ')).toEqual([])
  })

  it('should refuse a bad q with a 400 naming q', async () => {
    for (const q of ['', '%20%20', '!!!', 'a'.repeat(201)]) {
      const result = await callFeed(payload, `${V1}/news?q=${q}`)
      expect(result.status).toBe(400)
      expect(result.json.error.parameter).toBe('q')
    }
    const events = await callFeed(payload, `${V1}/events?q=`)
    expect(events.status).toBe(400)
    expect(events.json.error.parameter).toBe('q')
    const cursor = await callFeed(payload, `${V1}/news?q=robotics&cursor=abc`)
    expect(cursor.status).toBe(400)
    expect(cursor.json.error.parameter).toBe('cursor')
  })

  it('should search events in their locale, with a highlight', async () => {
    const eventIds = async (q: string) => {
      const result = await callFeed(
        payload,
        `${V1}/events?locale=uk&when=all&q=${encodeURIComponent(q)}`,
      )
      expect(result.status, result.text).toBe(200)
      return result.json.items as { id: string; highlight: unknown[] }[]
    }
    const [found] = await eventIds('вебінар')
    expect(found?.id).toBe(ids.event)
    expect(found?.highlight).toEqual([
      { field: 'title', ranges: [[0, 7]], text: 'Вебінар у Львові' },
    ])
    expect((await eventIds('lvovi vebinar')).map((item) => item.id)).toEqual([ids.event])
    const bySummary = await eventIds('ВЧИТЕЛІВ')
    expect(bySummary.map((item) => item.id)).toEqual([ids.event])
    expect(bySummary[0]?.highlight).toEqual([
      { field: 'summary', ranges: [[4, 12]], text: 'Для вчителів з усієї України' },
    ])
    expect(await eventIds('вебінар робототехніка')).toEqual([])
  })

  it('should search through GraphQL newsFeed(q:) and upcomingEvents(q:)', async () => {
    const { body } = await ctx.api.graphql(
      `query { newsFeed(q: "kyiv", locale: "uk") { items { id highlight { field text ranges } } }
        upcomingEvents(q: "вебін", locale: "uk") { items { id } } }`,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.newsFeed.items).toEqual([
      {
        highlight: [{ field: 'title', ranges: [[0, 4]], text: 'Київ приймає конференцію' }],
        id: ids.kyiv,
      },
    ])
    expect(body.data.upcomingEvents.items).toEqual([{ id: ids.event }])
  })

  it('should never find a draft anonymously: feed, GraphQL, REST, public page', async () => {
    expect(await feedIds('zephyrine')).toEqual([])
    expect(await feedIds('quokka')).toEqual([])
    expect(await feedIds('marigold')).toEqual([ids.revised])
    const { body } = await ctx.api.graphql(`query { newsFeed(q: "zephyrine") { items { id } } }`)
    expect(body.data.newsFeed.items).toEqual([])
    const rest = await ctx.api.get(`/news?where[title][like]=quokka&draft=true`)
    expect(rest.body.docs).toEqual([])
    const restDraft = await ctx.api.get(`/news?where[title][like]=zephyrine&draft=true`)
    expect(restDraft.body.docs).toEqual([])
    const page = await callFeed(payload, '/en/search?q=zephyrine')
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Zephyrine')
    const quokkaPage = await callFeed(payload, '/en/search?q=quokka')
    expect(quokkaPage.text).not.toContain('quokka surprise')
  })

  it('should find drafts for editors in the admin list search, in the list locale', async () => {
    // The admin's list search: `like` on each listSearchableFields, OR-ed, with drafts.
    const search = (q: string): Where => ({
      or: [{ title: { like: q } }, { slug: { like: q } }, { summary: { like: q } }],
    })
    const find = (q: string, locale: Locale) =>
      payload.find({
        collection: 'news',
        draft: true,
        locale,
        overrideAccess: false,
        user: editor.doc,
        where: search(q),
      })
    const ofDocs = (result: { docs: { id: number | string }[] }) =>
      result.docs.map((doc) => String(doc.id))
    expect(ofDocs(await find('zephyr', 'en'))).toEqual([ids.draft])
    expect(ofDocs(await find('quokka', 'en'))).toEqual([ids.revised])
    expect(ofDocs(await find('баку', 'uk'))).toContain(ids.baku)
    expect(ofDocs(await find('BAKI', 'az'))).toContain(ids.baki)
    expect(ofDocs(await find('kyiv', 'uk'))).toEqual([ids.kyiv])
  })

  it('should answer REST where[title][like] through the index in the requested locale', async () => {
    const rest = await ctx.api.get(
      `/news?locale=uk&where[title][like]=${encodeURIComponent('баку')}`,
    )
    expect(rest.status).toBe(200)
    expect(rest.body.docs.map((doc: { id: number }) => String(doc.id))).toEqual([ids.baku])
  })

  it('should render /{locale}/search with a form and marked results, without JavaScript', async () => {
    const empty = await callFeed(payload, '/uk/search')
    expect(empty.status).toBe(200)
    expect(empty.text).toContain('role="search"')
    expect(empty.text).toContain('<label for="q">')
    const page = await callFeed(payload, '/uk/search?q=kyiv')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<mark>Київ</mark> приймає конференцію')
    expect(page.text).toContain('value="kyiv"')
    expect(page.text).not.toContain('<script src')
    const bad = await callFeed(payload, '/uk/search?q=!!!')
    expect(bad.status).toBe(400)
    const home = await callFeed(payload, '/uk')
    expect(home.text).toContain('href="/uk/search"')
  })

  it('should escape what it marks: a title with markup stays text', async () => {
    await news({
      key: 'markup',
      locale: 'en',
      publishedAt: '2025-06-01T09:00:00.000Z',
      title: 'Xylophone <b>bold</b> & more',
    })
    const page = await callFeed(payload, '/en/search?q=xylophone')
    expect(page.text).toContain('<mark>Xylophone</mark> &#60;b&#62;bold&#60;/b&#62; &#38; more')
  })

  it('should drop deleted and unpublished items from the index at once', async () => {
    await news({
      key: 'gone',
      locale: 'en',
      publishedAt: '2025-06-02T09:00:00.000Z',
      title: 'Walrus expedition',
    })
    expect(await feedIds('walrus')).toEqual([ids.gone])
    await payload.update({
      collection: 'news',
      data: { _status: 'draft' },
      id: ids.gone!,
      overrideAccess: true,
    })
    expect(await feedIds('walrus', 'en', '&page=1')).toEqual([])
    await payload.delete({ collection: 'news', id: ids.gone!, overrideAccess: true })
    expect(
      await searchIds(payload, {
        collection: 'news',
        locale: 'en',
        query: 'walrus',
        state: 'latest',
      }),
    ).toEqual([])
  })

  it('should leave the index as it was when the save fails in its transaction', async () => {
    await expect(
      payload.update({
        collection: 'news',
        data: { title: 'Platypus', publishedAt: 'not a date' },
        id: ids.inTitle!,
        overrideAccess: true,
      }),
    ).rejects.toThrow()
    expect(
      await searchIds(payload, {
        collection: 'news',
        locale: 'en',
        query: 'platypus',
        state: 'latest',
      }),
    ).toEqual([])
  })

  it('should rebuild the same index with a full reindex', async () => {
    const before = await feedIds('robotics')
    const result = await reindexSearch(payload)
    expect(result.documents).toBeGreaterThanOrEqual(Object.keys(ids).length - 1)
    expect(
      await searchIds(payload, {
        collection: 'news',
        locale: 'en',
        query: 'robotics',
        state: 'published',
      }),
    ).toEqual(before.map((id) => (payload.db.defaultIDType === 'number' ? Number(id) : id)))
  })

  /**
   * A document of a collection of the index's own: one English published row, `minute` minutes
   * into 2020 (a later minute is a more recent document).
   */
  const publishedDoc = (id: string, minute: number, title: string, body = ''): IndexedDoc => ({
    id,
    rows: [
      {
        locale: 'en',
        state: 'published',
        sortAt: new Date(Date.UTC(2020, 0, 1, 0, minute)).toISOString(),
        title,
        summary: '',
        body,
      },
    ],
  })

  /** The ranked ids `store` finds in English published rows of `collection`, one term a word. */
  const searchIn =
    (store: SearchStore, collection: string) =>
    (query: string, limit = 1000) =>
      store.search({
        collection,
        limit,
        locale: 'en',
        state: 'published',
        terms: query.split(' ').map((word) => [word]),
      })

  it('should rank only the most recent matches of a term found in more rows than it ranks', async () => {
    // A collection of the index's own, so that the news of the other tests are not touched.
    const collection = 'candidates'
    const store = await searchStore(payload)
    const count = SEARCH_CANDIDATES + 200
    const docOf = (index: number, title = `Meeting ${index}`) =>
      publishedDoc(`c${index}`, index, title.toLowerCase(), 'robotics club')
    const titled = new Set([5, count - 50])
    const docs = Array.from({ length: count }, (_, index) =>
      docOf(index, titled.has(index) ? `Robotics final ${index}` : undefined),
    )
    // Batches newest first: the stored order comes from the rows' dates, not from the batches'.
    async function* batches() {
      for (let end = count; end > 0; end -= 300) yield docs.slice(Math.max(0, end - 300), end)
    }
    const search = searchIn(store, collection)
    try {
      await store.rebuild(collection, batches())
      const found = await search('robotics')
      expect(found).toHaveLength(SEARCH_CANDIDATES)
      // The title match among the recent ones comes first, then the others newest first.
      expect(found.slice(0, 3)).toEqual([`c${count - 50}`, `c${count - 1}`, `c${count - 2}`])
      // The 200 oldest matches are not ranked, the old title match among them.
      expect(found).not.toContain('c5')
      expect(found).not.toContain('c199')
      expect(found).toContain('c200')
      // A rarer term is ranked over all its matches.
      expect(await search('final')).toEqual([`c${count - 50}`, 'c5'])

      // A document's first publication adds rows beside those that keep their rowids: on the
      // newest document, a new row must not take a rowid that a kept one comes back to.
      const draft = docOf(count + 2, `Draft ${count + 2}`).rows[0]!
      const latest = ['en', 'uk'].map((locale) => ({ ...draft, locale, state: 'latest' as const }))
      await store.replace(collection, 'c8888', latest)
      await store.replace(
        collection,
        'c8888',
        latest.flatMap((row) => [row, { ...row, state: 'published' as const }]),
      )
      expect(await search('draft')).toEqual(['c8888'])
      await store.replace(collection, 'c8888', [])

      // An edit keeps its place in recency; a new document takes the newest.
      await store.replace(collection, 'c200', docOf(200, 'Robotics edited').rows)
      await store.replace(collection, 'c9999', docOf(count + 1).rows)
      const after = await search('robotics')
      expect(after).toHaveLength(SEARCH_CANDIDATES)
      expect(after.slice(0, 2)).toEqual([`c${count - 50}`, 'c9999'])
      expect(after).toContain('c201')
      expect(after).not.toContain('c200')
    } finally {
      await store.clear(collection)
    }
  })

  it('should rank the most recent matches of a term that only the newest rows are full of', async () => {
    // 300 newest rows hold the term, 2,000 older ones not, 900 older still do: a search that took
    // the term for common from the newest rows alone would find 300 matches, not the 1,000 most
    // recent.
    const collection = 'dense'
    const store = await searchStore(payload)
    const docs = Array.from({ length: 3200 }, (_, minute) => {
      const holds = minute < 900 || minute >= 2900
      const title = minute === 850 ? 'Heather walk' : `Walk ${minute}`
      return publishedDoc(`d${minute}`, minute, title.toLowerCase(), holds ? 'heather' : 'moss')
    })
    async function* batches() {
      for (let start = 0; start < docs.length; start += 800) yield docs.slice(start, start + 800)
    }
    try {
      await store.rebuild(collection, batches())
      const found = await searchIn(store, collection)('heather')
      expect(found).toHaveLength(SEARCH_CANDIDATES)
      // The older title match outranks the newest body matches.
      expect(found.slice(0, 3)).toEqual(['d850', 'd3199', 'd3198'])
      expect(found).toContain('d2900')
      expect(found).toContain('d200')
      expect(found).not.toContain('d199')
    } finally {
      await store.clear(collection)
    }
  })

  it('should match a prefix the same whether it starts a few words or many', async () => {
    // A collection of the index's own. `alpha` starts 41 words, `alpha1` 11 of them.
    const collection = 'prefixes'
    const store = await searchStore(payload)
    const docOf = (index: number, title: string) => publishedDoc(`p${index}`, index, title)
    const docs = [
      docOf(0, 'alpha1 beta'),
      ...Array.from({ length: 40 }, (_, i) => docOf(i + 1, `alpha${i + 1} gamma`)),
    ]
    async function* batches() {
      yield docs
    }
    const search = async (query: string) => (await searchIn(store, collection)(query)).sort()
    const ids = (...indexes: number[]) => indexes.map((index) => `p${index}`).sort()
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i)
    try {
      await store.rebuild(collection, batches())
      expect(await search('alpha')).toEqual(ids(...range(0, 40)))
      expect(await search('alpha gamma')).toEqual(ids(...range(1, 40)))
      expect(await search('alpha1 gamma')).toEqual(ids(1, ...range(10, 19)))
      expect(await search('gamma alpha4')).toEqual(ids(4, 40))
      expect(await search('alpha1 beta')).toEqual(ids(0))
      expect(await search('alpha1 b')).toEqual(ids(0))
      expect(await search('alphax')).toEqual([])
      expect(await search('gamma alphax')).toEqual([])
      expect(await search('alpha1 delta')).toEqual([])
      // A word that an edit brings is found at once, and the one it took away no more.
      await store.replace(collection, 'p0', docOf(0, 'omega1 beta').rows)
      expect(await search('omega')).toEqual(ids(0))
      expect(await search('beta omega')).toEqual(ids(0))
      expect(await search('alpha1 beta')).toEqual([])
      expect(await search('alpha1')).toEqual(ids(1, ...range(10, 19)))
    } finally {
      await store.clear(collection)
    }
  })

  // MongoDB's index is a collection of its own: emptying it here would need another helper.
  const onSql = databaseProbe.kind === 'sqlite' || databaseProbe.kind === 'postgres' ? it : it.skip

  onSql(
    'should queue a full reindex for an empty index at start, and fill it in the job',
    async () => {
      const robotics = () =>
        searchIds(payload, {
          collection: 'news',
          locale: 'en',
          query: 'robotics',
          state: 'published',
        })
      const before = await robotics()
      expect(before.length).toBeGreaterThan(0)
      const drizzle = (
        payload.db as unknown as { drizzle: Record<string, (q: unknown) => unknown> }
      ).drizzle
      if (databaseProbe.kind === 'sqlite') {
        const { sql } = await import('@payloadcms/db-sqlite')
        await drizzle.run!(sql`DELETE FROM etw_search`)
        await drizzle.run!(sql`DELETE FROM etw_search_docs`)
      } else {
        const { sql } = await import('@payloadcms/db-postgres')
        await drizzle.execute!(sql`DELETE FROM etw_search`)
      }
      expect(await robotics()).toEqual([])

      const job = await ensureSearchIndex(payload)
      expect(job).toBeDefined()
      // The start queues the job and returns; a second start finds it waiting.
      expect(await robotics()).toEqual([])
      expect(await ensureSearchIndex(payload)).toBeUndefined()

      await payload.jobs.runByID({ id: job! })
      expect(await robotics()).toEqual(before)
      expect(await ensureSearchIndex(payload)).toBeUndefined()
    },
  )

  // What the migrations that rebuild the index must keep finding: queries of every prefix length
  // from 1 to 9 letters, whole words and two words among them.
  const queries: [string, Locale][] = [
    ['r', 'en'],
    ['ro', 'en'],
    ['robotics', 'en'],
    ['к', 'uk'],
    ['семі', 'uk'],
    ['семін', 'uk'],
    ['семіна', 'uk'],
    ['kyiv', 'uk'],
    ['конфер киї', 'uk'],
    ['kamianet', 'uk'],
    ['kamianets', 'uk'],
    ['baki', 'az'],
  ]
  // The index itself: the feed keeps its answers.
  const find = (query: string, locale: Locale) =>
    searchIds(payload, { collection: 'news', locale, query, state: 'published' })
  const answers = async () => {
    const found: (number | string)[][] = []
    for (const [q, locale] of queries) found.push(await find(q, locale))
    return found
  }

  // The FTS5 table and its prefix indexes are SQLite's own.
  const onSqlite = databaseProbe.kind === 'sqlite' ? it : it.skip

  onSqlite(
    'should keep every match when the migration recreates the FTS5 table with longer prefix indexes',
    async () => {
      const { sql } = await import('@payloadcms/db-sqlite')
      const drizzle = (
        payload.db as unknown as {
          drizzle: {
            all: (q: unknown) => Promise<Record<string, unknown>[]>
            run: (q: unknown) => Promise<unknown>
          }
        }
      ).drizzle
      const migration =
        await import('../src/migrations/sqlite/20261202_013000_search_prefix_indexes')
      const definition = async () =>
        String(
          (await drizzle.all(sql`SELECT sql FROM sqlite_schema WHERE name = 'etw_search'`))[0]?.sql,
        )
      const rowids = async () =>
        (await drizzle.all(sql`SELECT rowid AS id FROM etw_search ORDER BY rowid`)).map(
          (row) => row.id,
        )
      const current = await answers()
      expect(current.every((found) => found.length > 0)).toBe(true)
      expect(await definition()).toContain(`prefix = '${SQLITE_SEARCH_PREFIXES}'`)
      const rows = await rowids()

      // The table as the index's first migration made it.
      await migration.down({ db: drizzle, payload, req: {} } as never)
      expect(await definition()).toContain(`prefix = '2 3'`)
      expect(await rowids()).toEqual(rows)
      expect(await answers()).toEqual(current)

      await migration.up({ db: drizzle, payload, req: {} } as never)
      expect(await definition()).toContain(`prefix = '1 2 3 4 5 6 7 8'`)
      expect(await rowids()).toEqual(rows)
      expect(await answers()).toEqual(current)

      // A host app's start recreates a table with other prefix indexes the same way.
      await migration.down({ db: drizzle, payload, req: {} } as never)
      await (await searchStore(payload)).ensureSchema()
      expect(await definition()).toContain(`prefix = '${SQLITE_SEARCH_PREFIXES}'`)
      expect(await rowids()).toEqual(rows)
      expect(await answers()).toEqual(current)

      // Saves go on into the new table: an edit is found by its new words only.
      await payload.update({
        collection: 'news',
        data: { title: 'Робототехніка у Вінниці' },
        id: ids.kyiv!,
        locale: 'uk',
        overrideAccess: true,
      })
      const id = payload.db.defaultIDType === 'number' ? Number(ids.kyiv) : ids.kyiv
      expect(await find('вінни', 'uk')).toEqual([id])
      expect(await find('конфер киї', 'uk')).toEqual([])
    },
  )

  // The generated `scope` column and its indexes are PostgreSQL's own.
  const onPostgres = databaseProbe.kind === 'postgres' ? it : it.skip

  onPostgres(
    'should keep every match when the migration gives the index its scope column, and at a host app start',
    async () => {
      const { sql } = await import('@payloadcms/db-postgres')
      const drizzle = (
        payload.db as unknown as {
          drizzle: { execute: (q: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
        }
      ).drizzle
      const migration = await import('../src/migrations/postgres/20261202_060000_search_scope')
      const schema = async () => ({
        columns: (
          await drizzle.execute(sql`SELECT column_name FROM information_schema.columns
            WHERE table_name = 'etw_search' ORDER BY column_name`)
        ).rows.map((row) => row.column_name),
        indexes: (
          await drizzle.execute(sql`SELECT indexname FROM pg_indexes
            WHERE tablename = 'etw_search' ORDER BY indexname`)
        ).rows.map((row) => row.indexname),
      })
      const current = await answers()
      expect(current.every((found) => found.length > 0)).toBe(true)
      const now = await schema()
      expect(now.columns).toContain('scope')
      expect(now.indexes).toEqual([
        'etw_search_pkey',
        'etw_search_scope_match_idx',
        'etw_search_scope_recent_idx',
      ])

      // The index as the migrations before this one left it.
      await migration.down({ db: drizzle, payload, req: {} } as never)
      const before = await schema()
      expect(before.columns).not.toContain('scope')
      expect(before.indexes).toEqual([
        'etw_search_match_idx',
        'etw_search_pkey',
        'etw_search_recent_idx',
      ])

      await migration.up({ db: drizzle, payload, req: {} } as never)
      expect(await schema()).toEqual(now)
      expect(await answers()).toEqual(current)

      // A host app's start, without the CMS's migrations, does the same.
      await migration.down({ db: drizzle, payload, req: {} } as never)
      await (await searchStore(payload)).ensureSchema()
      expect(await schema()).toEqual(now)
      expect(await answers()).toEqual(current)
    },
  )
})
