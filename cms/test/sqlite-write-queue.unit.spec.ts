import { describe, expect, it } from 'vitest'

import { queueTransactions, WriteQueueTimeoutError } from '../src/sqlite-write-queue'

/** An adapter whose transactions record when they begin and end. */
const fakeAdapter = () => {
  const events: string[] = []
  let next = 0
  const adapter = {
    beginTransaction: async (): Promise<null | number | string> => {
      next += 1
      events.push(`begin ${next}`)
      return `tx${next}`
    },
    commitTransaction: async (id: number | Promise<number | string> | string) => {
      events.push(`commit ${String(await id).slice(2)}`)
    },
    rollbackTransaction: async (id: number | Promise<number | string> | string) => {
      events.push(`rollback ${String(await id).slice(2)}`)
    },
  }
  return { adapter, events }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('queueTransactions', () => {
  it('should begin a transaction only after the one before it has committed', async () => {
    const { adapter, events } = fakeAdapter()
    const queued = queueTransactions(adapter)
    const first = await queued.beginTransaction()
    const second = queued.beginTransaction()
    await tick()
    expect(events).toEqual(['begin 1'])
    await queued.commitTransaction(first as string)
    await queued.commitTransaction((await second) as string)
    expect(events).toEqual(['begin 1', 'commit 1', 'begin 2', 'commit 2'])
  })

  it('should let the next transaction begin after a rollback', async () => {
    const { adapter, events } = fakeAdapter()
    const queued = queueTransactions(adapter)
    const first = await queued.beginTransaction()
    const second = queued.beginTransaction()
    await queued.rollbackTransaction(first as string)
    await second
    expect(events).toEqual(['begin 1', 'rollback 1', 'begin 2'])
  })

  it('should fail a transaction that waits too long, and still run the ones behind it', async () => {
    const { adapter, events } = fakeAdapter()
    const queued = queueTransactions(adapter, { timeoutMs: 50 })
    const first = await queued.beginTransaction()
    const late = queued.beginTransaction()
    await expect(late).rejects.toBeInstanceOf(WriteQueueTimeoutError)
    const third = queued.beginTransaction()
    await queued.commitTransaction(first as string)
    expect(await third).toBe('tx2')
    expect(events).toEqual(['begin 1', 'commit 1', 'begin 2'])
  })
})
