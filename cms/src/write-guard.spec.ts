import { describe, expect, it } from 'vitest'

import { CHECK_REUSE_MS, createWriteGuard } from './write-guard'

describe('createWriteGuard', () => {
  it('should let reads pass without asking the database', async () => {
    let checks = 0
    const refuse = createWriteGuard(async () => (checks++, false))
    expect(await refuse('GET')).toBe(false)
    expect(await refuse('head')).toBe(false)
    expect(checks).toBe(0)
  })

  it('should refuse writes while the database does not answer, and pass them once it does', async () => {
    let now = 0
    let up = false
    const refuse = createWriteGuard(
      async () => up,
      () => now,
    )
    expect(await refuse('POST')).toBe(true)
    up = true
    now += CHECK_REUSE_MS
    expect(await refuse('PATCH')).toBe(false)
  })

  it('should ask the database once for the writes of one second', async () => {
    let now = 0
    let checks = 0
    const refuse = createWriteGuard(
      async () => (checks++, true),
      () => now,
    )
    await Promise.all([refuse('POST'), refuse('DELETE'), refuse('PUT')])
    now += CHECK_REUSE_MS - 1
    await refuse('POST')
    expect(checks).toBe(1)
  })

  it('should refuse writes when the check itself fails', async () => {
    const refuse = createWriteGuard(async () => {
      throw new Error('connection refused')
    })
    expect(await refuse('POST')).toBe(true)
  })
})
