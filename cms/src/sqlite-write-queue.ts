import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/** How long a write waits, by default, for the ones before it before it fails with a clear error. */
export const WRITE_QUEUE_TIMEOUT_MS = 20_000

type TransactionMethods = Pick<
  BaseDatabaseAdapter,
  'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'
>

type TransactionID = Awaited<ReturnType<TransactionMethods['beginTransaction']>>

export class WriteQueueTimeoutError extends Error {
  override name = 'WriteQueueTimeoutError'
}

/**
 * Runs the transactions of one SQLite database one after the other within this process.
 *
 * SQLite has one writer at a time, and every Payload write is a transaction that begins with
 * `BEGIN IMMEDIATE` on a connection of its own. Two at once in one Node process cannot wait for
 * each other: a busy timeout would block the event loop that the first one needs to finish, so the
 * second fails at once with `SQLITE_BUSY` (a 500 for the editor: an image upload, which keeps its
 * transaction open while the image is resized, made every other save fail). Queued here,
 * concurrent writes wait their turn instead. A transaction that waits longer than `timeoutMs` (the
 * ones before it do not finish) fails with {@link WriteQueueTimeoutError} rather than hanging.
 * Reads do not take part: in WAL mode they never wait for a writer.
 */
export const queueTransactions = <A extends TransactionMethods>(
  adapter: A,
  { timeoutMs = WRITE_QUEUE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): A => {
  const begin = adapter.beginTransaction
  const commit = adapter.commitTransaction
  const rollback = adapter.rollbackTransaction
  const releases = new Map<string | number, () => void>()
  let tail: Promise<void> = Promise.resolve()

  const release = (id: TransactionID | Promise<TransactionID>) => {
    if (id instanceof Promise || id === null) return
    releases.get(id)?.()
    releases.delete(id)
  }

  adapter.beginTransaction = async function (this: A, options) {
    let done!: () => void
    const turn = new Promise<void>((resolve) => (done = resolve))
    const previous = tail
    tail = previous.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const waited = await Promise.race([
      previous.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs)
      }),
    ])
    clearTimeout(timer)
    if (!waited) {
      // Give the turn back as soon as it comes, so that the writes behind this one still run.
      void previous.then(done)
      throw new WriteQueueTimeoutError(
        `a write waited ${timeoutMs / 1000} s for earlier writes to the SQLite database; try again`,
      )
    }
    try {
      const id = await begin.call(this, options)
      if (id === null) done()
      else releases.set(id, done)
      return id
    } catch (error) {
      done()
      throw error
    }
  }
  adapter.commitTransaction = async function (this: A, incoming) {
    const id = incoming instanceof Promise ? await incoming : incoming
    try {
      await commit.call(this, id)
    } finally {
      release(id)
    }
  }
  adapter.rollbackTransaction = async function (this: A, incoming) {
    const id = incoming instanceof Promise ? await incoming : incoming
    try {
      await rollback.call(this, id)
    } finally {
      release(id)
    }
  }
  return adapter
}

/** `adapterObj` with {@link queueTransactions} applied to the adapter it creates. */
export const withQueuedTransactions = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => queueTransactions(adapterObj.init(args)),
})
