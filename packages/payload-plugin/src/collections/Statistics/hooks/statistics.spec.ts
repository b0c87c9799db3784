import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { computeKeys } from './computeKeys'
import { refuseDuplicateSnapshot } from './refuseDuplicateSnapshot'

const compute = (data: Record<string, unknown>, originalDoc?: Record<string, unknown>) =>
  computeKeys({ data, originalDoc } as unknown as Parameters<CollectionBeforeValidateHook>[0])

describe('computeKeys', () => {
  it('should key a country snapshot by metric and country', () => {
    const data = compute({
      metric: 'teachers',
      scope: 'country',
      country: 'AZ',
      asOf: '2023-05-15',
    })
    expect(data).toMatchObject({
      asOf: '2023-05-15T12:00:00.000Z',
      key: 'teachers',
      scopeKey: 'country:AZ',
    })
  })

  it('should key a custom metric by its lower-cased custom key', () => {
    const data = compute({ metric: 'custom', customKey: ' Partner-Schools ', scope: 'programme' })
    expect(data).toMatchObject({ key: 'partner-schools', scopeKey: 'programme' })
  })

  it('should clear fields the scope does not use', () => {
    const data = compute({ metric: 'schools', scope: 'programme', country: 'UA', region: 'Lviv' })
    expect(data).toMatchObject({ country: null, region: null, scopeKey: 'programme' })
  })

  it('should recompute the keys from the stored document on a partial update', () => {
    const original = { metric: 'projects', scope: 'country', country: 'AZ' }
    expect(compute({ country: 'UA' }, original)).toMatchObject({
      key: 'projects',
      scopeKey: 'country:UA',
    })
  })
})

const duplicateCheck = async (existing: number, data: Record<string, unknown>) => {
  const queries: unknown[] = []
  const req = {
    payload: {
      count: async (args: unknown) => {
        queries.push(args)
        return { totalDocs: existing }
      },
    },
    t: (key: string) => key,
  }
  const run = () =>
    refuseDuplicateSnapshot({
      collection: { slug: 'statistics' },
      data,
      operation: 'create',
      req,
    } as unknown as Parameters<CollectionBeforeChangeHook>[0])
  return { queries, run }
}

describe('refuseDuplicateSnapshot', () => {
  const snapshot = {
    asOf: '2024-06-01T12:00:00.000Z',
    key: 'projects',
    scopeKey: 'country:AZ',
    value: 6000,
  }

  it('should let the first snapshot of a day through', async () => {
    const { run } = await duplicateCheck(0, snapshot)
    await expect(run()).resolves.toEqual(snapshot)
  })

  it('should refuse a second one with a message naming metric, scope and date', async () => {
    const { run } = await duplicateCheck(1, snapshot)
    const error = await run().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as Error).message).toBe(
      'A snapshot of projects for country:AZ on 2024-06-01 already exists. Record another date, or correct the existing snapshot.',
    )
  })

  it('should look for the same key and scope on the same calendar day', async () => {
    const { queries, run } = await duplicateCheck(0, snapshot)
    await run()
    expect(queries[0]).toMatchObject({
      where: {
        and: [
          { key: { equals: 'projects' } },
          { scopeKey: { equals: 'country:AZ' } },
          { asOf: { greater_than_equal: '2024-06-01T00:00:00.000Z' } },
          { asOf: { less_than: '2024-06-02T00:00:00.000Z' } },
        ],
      },
    })
  })
})
