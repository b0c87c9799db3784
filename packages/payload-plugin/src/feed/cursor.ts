import type { IdType } from './params'

import { invalidParameter } from './errors'
import { isDocumentId } from './params'

/**
 * Keyset cursors: where the next page of a list starts, as the sort value and id of the last item
 * shown. Opaque to clients (base64url JSON); a cursor only works with the ordering it came from.
 */
export interface Cursor {
  /** The ordering the cursor belongs to, e.g. `'news'` or `'events:asc'`. */
  order: string
  /** Sort value of the last item shown: an ISO instant. */
  value: string
  /** Id of the last item shown (the tie-breaker). */
  id: number | string
  /** Page number the cursor leads to. */
  page: number
}

const VERSION = 1

/** The opaque text of `cursor`. */
export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(
    JSON.stringify([VERSION, cursor.order, cursor.value, cursor.id, cursor.page]),
  ).toString('base64url')

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Reads a cursor made by {@link encodeCursor} for the ordering `order`. Anything else (tampered,
 * truncated, from another list or ordering) is a 400 naming `cursor`.
 */
export const decodeCursor = (text: string, order: string, idType: IdType): Cursor => {
  const invalid = () =>
    invalidParameter(
      'cursor',
      '"cursor" is not a cursor of this list: use the nextCursor of a previous answer.',
    )
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw invalid()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(decoded) || decoded.length !== 5) throw invalid()
  const [version, decodedOrder, value, id, page] = decoded as unknown[]
  if (version !== VERSION || decodedOrder !== order) throw invalid()
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid()
  }
  if (!isDocumentId(id, idType)) throw invalid()
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 2) throw invalid()
  return { id, order, page, value }
}
