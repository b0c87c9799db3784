/** Methods that change content. */
const WRITE_METHODS = new Set(['DELETE', 'PATCH', 'POST', 'PUT'])

/** Milliseconds one answer of the database check is reused. */
export const CHECK_REUSE_MS = 1_000

/** What a refused write gets: 503, `Retry-After`, Payload's error shape. */
export const DATABASE_UNREACHABLE = Object.freeze({
  status: 503,
  retryAfterSeconds: 5,
  body: {
    errors: [
      { message: 'The database is unreachable, so nothing was saved. Try again in a moment.' },
    ],
  },
})

/**
 * Whether a write must be refused because the database does not answer: `check` (the health
 * check's query) is asked at most once per {@link CHECK_REUSE_MS}, and concurrent writes share one
 * answer. Reads always pass; they may still be answered from caches.
 */
export const createWriteGuard = (
  check: () => Promise<boolean>,
  now: () => number = Date.now,
): ((method: string) => Promise<boolean>) => {
  let checkedAt = Number.NEGATIVE_INFINITY
  let reachable: Promise<boolean> = Promise.resolve(true)
  return async (method) => {
    if (!WRITE_METHODS.has(method.toUpperCase())) return false
    if (now() - checkedAt >= CHECK_REUSE_MS) {
      checkedAt = now()
      reachable = check().catch(() => false)
    }
    return !(await reachable)
  }
}
