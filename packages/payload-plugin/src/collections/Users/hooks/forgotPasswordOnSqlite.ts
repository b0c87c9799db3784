import type { CollectionBeforeOperationHook } from 'payload'

import { commitTransaction } from 'payload'

/**
 * `beforeOperation` hook for SQLite: a forgot-password request runs without a wrapping
 * transaction. Payload reserves its per-account request interval with a write outside the
 * request's transaction, and on SQLite that transaction already holds the database's only write
 * lock, so the reservation failed with "database is locked" (a 500). Without the transaction the
 * steps run one after another; a failure between them at worst leaves an unused reset token.
 */
export const forgotPasswordOnSqlite: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'forgotPassword' && req.transactionID && req.payload.db.name === 'sqlite') {
    await commitTransaction(req)
  }
  return args
}
