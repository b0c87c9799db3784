import type { CollectionBeforeValidateHook, Where } from 'payload'

import { describe, expect, it } from 'vitest'

import { populateSlug } from './populateSlug'

type Stored = { _status?: string; id: number; slug: string }

/** A request whose `payload.count` answers from `stored`, as the database would. */
const fakeReq = (stored: Stored[]) => {
  const matches = (doc: Stored, where: Where): boolean => {
    if (Array.isArray(where.and)) return where.and.every((w) => matches(doc, w as Where))
    return Object.entries(where).every(([field, condition]) => {
      const value = doc[field as keyof Stored]
      const { equals, not_equals } = condition as { equals?: unknown; not_equals?: unknown }
      if (equals !== undefined) return value === equals
      if (not_equals !== undefined) return value !== not_equals
      return true
    })
  }
  return {
    payload: {
      count: async ({ where }: { where: Where }) => ({
        totalDocs: stored.filter((doc) => matches(doc, where)).length,
      }),
    },
  }
}

const hook = populateSlug({
  defaultLocale: 'en',
  fallback: 'news',
  followTitleUntilPublished: true,
  sourceFields: ['title'],
})

const run = async (
  data: Record<string, unknown>,
  stored: Stored[] = [],
  originalDoc?: Record<string, unknown>,
) =>
  (await hook({
    collection: { slug: 'news' },
    data,
    operation: originalDoc ? 'update' : 'create',
    originalDoc,
    req: fakeReq(stored),
  } as unknown as Parameters<CollectionBeforeValidateHook>[0])) as Record<string, unknown>

describe('populateSlug', () => {
  it('should make an empty slug from the transliterated title', async () => {
    expect((await run({ title: 'Новини eTwinning Україна' })).slug).toBe('novyny-etwinning-ukraina')
  })

  it('should add -2 when the slug is taken', async () => {
    const stored = [{ id: 1, slug: 'novyny-etwinning-ukraina' }]
    expect((await run({ title: 'Новини eTwinning Україна' }, stored)).slug).toBe(
      'novyny-etwinning-ukraina-2',
    )
  })

  it('should count up until a suffix is free', async () => {
    const stored = [
      { id: 1, slug: 'baku' },
      { id: 2, slug: 'baku-2' },
    ]
    expect((await run({ title: 'Baku' }, stored)).slug).toBe('baku-3')
  })

  it('should keep a slug that an editor typed', async () => {
    expect((await run({ title: 'Bakıda seminar', slug: 'baku-seminar' })).slug).toBe('baku-seminar')
  })

  it('should normalise a slug that an editor typed', async () => {
    expect((await run({ title: 'x', slug: ' Bakı Seminarı ' })).slug).toBe('baki-seminari')
  })

  it('should not count the document itself as taking its slug', async () => {
    const stored = [{ id: 5, slug: 'baku' }]
    const result = await run({ title: 'Baku', slug: 'baku' }, stored, {
      id: 5,
      slug: 'baku',
      title: 'Baku',
    })
    expect(result.slug).toBe('baku')
  })

  it('should prefer the default locale when every locale is given', async () => {
    expect((await run({ title: { az: 'Bakı', en: 'Baku' } })).slug).toBe('baku')
  })

  it('should leave the slug empty while there is no title', async () => {
    expect((await run({ slug: '' })).slug).toBeNull()
  })

  it('should follow a title edit while the document was never published', async () => {
    const original = { _status: 'draft', id: 7, slug: 'novy', title: 'Нови' }
    const result = await run({ title: 'Новини', slug: 'novy' }, [{ id: 7, slug: 'novy' }], original)
    expect(result.slug).toBe('novyny')
  })

  it('should keep the slug of a published document when its title changes', async () => {
    const original = { _status: 'published', id: 7, slug: 'novyny', title: 'Новини' }
    const stored = [{ _status: 'published', id: 7, slug: 'novyny' }]
    const result = await run({ title: 'Новини тижня', slug: 'novyny' }, stored, original)
    expect(result.slug).toBe('novyny')
  })

  it('should use the fallback when the title has nothing to spell', async () => {
    expect((await run({ title: '🎉🎉' })).slug).toBe('news')
  })
})
