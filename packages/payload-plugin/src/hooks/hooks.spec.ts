import type { CollectionBeforeValidateHook } from 'payload'

import { Forbidden, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { validateCountry, validateHttpUrl } from '../fields/validators'
import { preventContributorPublish } from './preventContributorPublish'
import { validateFormats } from './validateFormats'

type Args = Parameters<CollectionBeforeValidateHook>[0]

const t = (key: string) => key

describe('validateFormats', () => {
  const hook = validateFormats([
    { path: 'sourceUrl', validate: validateHttpUrl },
    { path: 'source.url', validate: validateHttpUrl },
    { path: 'country', validate: validateCountry },
  ])
  const run = (data: Record<string, unknown>) =>
    hook({ collection: { slug: 'news' }, data, req: { t } } as unknown as Args)

  it('should let valid and absent values through', () => {
    const data = { country: 'UA', sourceUrl: 'https://example.org' }
    expect(run(data)).toBe(data)
  })

  it('should refuse a javascript: link in a draft with the field path', () => {
    const error = (() => {
      try {
        run({ sourceUrl: 'javascript:alert(1)' })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors).toEqual([
      {
        message: 'Enter a full web address that starts with http:// or https://.',
        path: 'sourceUrl',
      },
    ])
  })

  it('should check nested fields', () => {
    expect(() => run({ source: { url: 'ftp://example.org' } })).toThrow(/source\.url/)
  })

  it('should refuse an unknown country code', () => {
    expect(() => run({ country: 'XX' })).toThrow(/country/)
  })
})

describe('preventContributorPublish', () => {
  const run = (roles: string[], data: Record<string, unknown>, status: string) =>
    preventContributorPublish({
      data,
      operation: 'update',
      originalDoc: { _status: status },
      req: { t, user: { id: 1, roles } },
    } as unknown as Args)

  it('should refuse a contributor changing a published document without a status', () => {
    expect(() => run(['contributor'], { title: 'Changed' }, 'published')).toThrow(Forbidden)
  })

  it('should refuse a contributor whose update carries the stored published status', () => {
    // What Payload hands the hook for a REST PATCH without a status: the stored document merged in.
    expect(() =>
      run(['contributor'], { _status: 'published', title: 'Changed' }, 'published'),
    ).toThrow(Forbidden)
  })

  it('should let a contributor save a draft over a published document', () => {
    const data = { _status: 'draft', title: 'Changed' }
    expect(run(['contributor'], data, 'published')).toBe(data)
  })

  it('should let an editor change a published document', () => {
    const data = { title: 'Changed' }
    expect(run(['editor'], data, 'published')).toBe(data)
  })
})
