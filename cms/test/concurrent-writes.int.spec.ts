import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

describeDb('concurrent writes', () => {
  let ctx: IntContext

  beforeAll(async () => {
    ctx = await bootPayload()
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should save every one of many writes started at the same moment', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        ctx.payload.create({
          collection: 'organizations',
          data: { name: `Concurrent school ${index}`, kind: 'school', country: 'UA' },
          overrideAccess: true,
        }),
      ),
    )
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const { totalDocs } = await ctx.payload.count({
      collection: 'organizations',
      where: { name: { like: 'Concurrent school' } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(12)
  })

  it('should let a write wait for a transaction that is still open instead of failing', async () => {
    const transactionID = (await ctx.payload.db.beginTransaction()) as number | string
    await ctx.payload.create({
      collection: 'organizations',
      data: { name: 'Slow save', kind: 'school', country: 'UA' },
      overrideAccess: true,
      req: { transactionID } as never,
    })
    const waiting = ctx.payload.create({
      collection: 'organizations',
      data: { name: 'Save behind it', kind: 'school', country: 'UA' },
      overrideAccess: true,
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await ctx.payload.db.commitTransaction(transactionID)
    expect((await waiting).name).toBe('Save behind it')
  })
})
