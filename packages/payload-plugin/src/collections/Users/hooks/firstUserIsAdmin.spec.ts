import type { CollectionBeforeChangeHook } from 'payload'

import { describe, expect, it } from 'vitest'

import { firstUserIsAdmin } from './firstUserIsAdmin'

const run = (existingUsers: number, operation: 'create' | 'update', roles: string[]) =>
  firstUserIsAdmin({
    collection: { slug: 'users' },
    data: { roles },
    operation,
    req: { payload: { count: async () => ({ totalDocs: existingUsers }) } },
  } as unknown as Parameters<CollectionBeforeChangeHook>[0])

describe('firstUserIsAdmin', () => {
  it('should make the first user an admin', async () => {
    expect(await run(0, 'create', ['contributor'])).toEqual({ roles: ['admin'] })
  })

  it('should keep the roles of later users', async () => {
    expect(await run(3, 'create', ['editor'])).toEqual({ roles: ['editor'] })
  })

  it('should leave updates alone', async () => {
    expect(await run(0, 'update', ['editor'])).toEqual({ roles: ['editor'] })
  })
})
